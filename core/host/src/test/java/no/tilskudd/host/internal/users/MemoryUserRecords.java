package no.tilskudd.host.internal.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;

/** The store's users in a map, with its contract (unique names, insertion order), for the host's own tests. */
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
}
