package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.SubmissionQuery;

/**
 * The one-shot process of {@link SharedDatabaseTest}: opens the store in a directory (waiting for it as long as the
 * third argument says, in milliseconds) and adds one submission.
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    /**
     * Runs.
     *
     * @param args the data directory, the org unit to add, and optionally how long to wait for the database
     */
    public static void main(String[] args) {
        Duration wait = args.length > 2 ? Duration.ofMillis(Long.parseLong(args[2])) : H2SubmissionStore.DEFAULT_LOCK_WAIT;
        try (H2SubmissionStore store = new H2SubmissionStore(Path.of(args[0]), wait)) {
            long before = store.count(SubmissionQuery.all());
            store.save(List.of(H2SubmissionStoreTest.submission("ks", 2024, args[1])), false, "cli.csv");
            System.out.println("before=" + before + " after=" + store.count(SubmissionQuery.all()));
        } catch (StoreException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
