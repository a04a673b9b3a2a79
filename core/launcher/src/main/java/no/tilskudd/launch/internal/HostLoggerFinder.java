package no.tilskudd.launch.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Routes {@code System.Logger}, which the core bundles log with, to the running host's log
 * ({@code data/log/tilskudd.log}, and the console of a serving host), so that there is one log to read: a quarantined
 * plugin, say, is reported beside the framework's own messages. It is the JDK's hook for this (found through
 * {@code META-INF/services}), so it holds whatever a web bundle does to {@code java.util.logging} (Pax Logging resets
 * it). Without a running host, messages go to standard error.
 */
public final class HostLoggerFinder extends System.LoggerFinder {

    private static volatile FileLogger target;

    /** Found by {@link java.util.ServiceLoader}. */
    public HostLoggerFinder() {
        // nothing to set up
    }

    static void use(FileLogger logger) {
        target = logger;
    }

    static void release(FileLogger logger) {
        if (target == logger) {
            target = null;
        }
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new HostLogger(name);
    }

    private record HostLogger(String name) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (!isLoggable(level)) {
                return;
            }
            int felix = level.getSeverity() >= Level.ERROR.getSeverity() ? FileLogger.LOG_ERROR
                    : level.getSeverity() >= Level.WARNING.getSeverity() ? FileLogger.LOG_WARNING
                    : FileLogger.LOG_INFO;
            String line = "[" + name + "] " + msg;
            FileLogger t = target;
            if (t != null) {
                t.write(felix, line, thrown);
            } else if (felix <= FileLogger.LOG_WARNING) {
                System.err.println(line);
                if (thrown != null) {
                    thrown.printStackTrace();
                }
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                log(level, bundle, params == null || params.length == 0 ? format
                        : MessageFormat.format(format, params), (Throwable) null);
            }
        }
    }
}
