package no.tilskudd.host.internal.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;

/**
 * The store's users in a map, with its contract (unique names, insertion order, the kept role), for the host's own
 * tests.
 */
final class MemoryUserRecords implements UserRecords {

    private final Map<String, UserRecord> rows = new LinkedHashMap<>();

    @Override
    public synchronized List<UserRecord> list() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public synchronized Optional<UserRecord> find(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    @Override
    public synchronized boolean insert(UserRecord user) {
        return rows.putIfAbsent(user.name(), user) == null;
    }

    @Override
    public synchronized boolean update(UserRecord user) {
        return rows.replace(user.name(), user) != null;
    }

    @Override
    public synchronized boolean delete(String name) {
        return rows.remove(name) != null;
    }

    @Override
    public synchronized Change update(UserRecord user, String keptRole) {
        Change refused = refusal(user.name(), keptRole, user.role());
        if (refused != Change.DONE) {
            return refused;
        }
        rows.put(user.name(), user);
        return Change.DONE;
    }

    @Override
    public synchronized Change delete(String name, String keptRole) {
        Change refused = refusal(name, keptRole, null);
        if (refused == Change.DONE) {
            rows.remove(name);
        }
        return refused;
    }

    private Change refusal(String name, String keptRole, String newRole) {
        UserRecord now = rows.get(name);
        if (now == null) {
            return Change.NO_SUCH_USER;
        }
        boolean another = rows.values().stream().anyMatch(r -> !r.name().equals(name) && r.role().equals(keptRole));
        return now.role().equals(keptRole) && !keptRole.equals(newRole) && !another ? Change.LAST_OF_ROLE
                : Change.DONE;
    }
}
