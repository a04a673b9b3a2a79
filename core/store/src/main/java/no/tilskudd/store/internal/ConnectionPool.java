package no.tilskudd.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Keeps a few connections of a data source open for reuse, as H2's own pool does for H2. A connection handed back
 * is rolled back and set to auto-commit again, so that the next user gets it clean; one that no longer answers is
 * dropped. Connecting to a server is slow (a password exchange every time), so this matters there.
 */
final class ConnectionPool {

    private static final int MAX_IDLE = 8;
    private static final int VALID_SECONDS = 2;

    private final DataSource source;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DataSource source) {
        this.source = source;
    }

    /**
     * A connection; closing it hands it back.
     *
     * @return the connection
     * @throws SQLException when no connection can be made
     */
    Connection getConnection() throws SQLException {
        while (true) {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the connection pool is closed");
                }
                c = idle.pollFirst();
            }
            if (c == null) {
                return wrap(source.getConnection());
            }
            if (c.isValid(VALID_SECONDS)) {
                return wrap(c);
            }
            closeQuietly(c);
        }
    }

    private Connection wrap(Connection physical) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!returned[0]) {
                            returned[0] = true;
                            release(physical);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && returned[0]) {
                        return true;
                    }
                    if (returned[0]) {
                        throw new SQLException("the connection was handed back to the pool");
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void release(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeQuietly(physical);
            return;
        }
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(physical);
                return;
            }
        }
        closeQuietly(physical);
    }

    /** Closes the idle connections; those in use close when they are handed back. */
    void close() {
        Deque<Connection> open;
        synchronized (this) {
            closed = true;
            open = new ArrayDeque<>(idle);
            idle.clear();
        }
        open.forEach(ConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a connection that cannot even close is gone already
        }
    }
}
