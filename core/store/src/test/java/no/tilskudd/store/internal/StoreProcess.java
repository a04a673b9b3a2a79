package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.util.List;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.SubmissionQuery;

/** The one-shot process of {@link SharedDatabaseTest}: opens the store in a directory and adds one submission. */
public final class StoreProcess {

    private StoreProcess() {
    }

    /**
     * Runs.
     *
     * @param args the data directory and the org unit to add
     */
    public static void main(String[] args) {
        try (H2SubmissionStore store = new H2SubmissionStore(Path.of(args[0]))) {
            long before = store.count(SubmissionQuery.all());
            store.save(List.of(H2SubmissionStoreTest.submission("ks", 2024, args[1])), false, "cli.csv");
            System.out.println("before=" + before + " after=" + store.count(SubmissionQuery.all()));
        } catch (StoreException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
