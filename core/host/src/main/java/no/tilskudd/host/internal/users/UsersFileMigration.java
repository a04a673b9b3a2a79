package no.tilskudd.host.internal.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.host.User;

/**
 * Moves the users of a {@code data/users.json} (where earlier versions kept them, and what a restore of an older
 * backup brings back) into the store, once: the file is then renamed {@value #MIGRATED}, so that it is not read
 * again. A user whose name the store has already (added on another host) keeps the store's password and role.
 */
public final class UsersFileMigration {

    /** What the file is renamed to once its users are in the store. */
    public static final String MIGRATED = UserStore.FILE + ".migrated";

    private UsersFileMigration() {
    }

    /**
     * The outcome.
     *
     * @param added the users added to the store
     * @param kept  the users the store had already, left as they were there
     */
    public record Result(List<String> added, List<String> kept) {
    }

    /**
     * @param dataDir the host's data folder
     * @param users   the users in the store
     * @param audit   where the migration is recorded
     * @param actor   who starts the host
     * @return what was moved, or empty lists when there was no file
     * @throws IOException when the file cannot be read or renamed (naming it)
     */
    public static Result migrate(Path dataDir, StoredUsers users, Consumer<AuditEntry> audit, String actor)
            throws IOException {
        Path file = dataDir.resolve(UserStore.FILE);
        if (!Files.exists(file)) {
            return new Result(List.of(), List.of());
        }
        UserStore old = new UserStore(dataDir);
        List<String> added = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<User> all;
        try {
            all = old.list();
        } catch (IllegalStateException e) {
            throw new IOException("cannot move the users of " + file + " into the store: " + e.getMessage(), e);
        }
        for (User u : all) {
            if (users.adopt(old.stored(u.name()).orElseThrow())) {
                added.add(u.name());
            } else {
                kept.add(u.name());
            }
        }
        Files.move(file, dataDir.resolve(MIGRATED), StandardCopyOption.REPLACE_EXISTING);
        audit.accept(new AuditEntry(actor, "users.migrate", file.toString(), Map.of("added", String.join(", ",
                added), "kept", String.join(", ", kept))));
        return new Result(List.copyOf(added), List.copyOf(kept));
    }
}
