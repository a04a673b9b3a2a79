package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class H2StoreComponentTest {

    @TempDir
    Path dir;

    /** A bundle context that answers only the data property. */
    private static BundleContext context(String data) {
        return (BundleContext) Proxy.newProxyInstance(H2StoreComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && H2StoreComponent.DATA_PROPERTY.equals(args[0])) {
                        return data;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void activationOpensTheStoreInTheDataDirectoryAndDeactivationClosesIt() throws Exception {
        Path data = dir.resolve("not/yet/there");
        H2StoreComponent component = new H2StoreComponent();

        component.activate(context(data.toString()));
        try {
            assertTrue(Files.isRegularFile(data.resolve("tilskudd.mv.db")));
            assertEquals(new SaveResult(1, 0), component.save(List.of(submission("ks", 2024, "0301")), false, "a"));
            assertEquals(1, component.count(SubmissionQuery.all()));
            assertEquals(1, component.find(SubmissionQuery.all()).size());
        } finally {
            component.deactivate();
        }

        assertThrows(IllegalStateException.class, () -> component.count(SubmissionQuery.all()));
        try (H2SubmissionStore store = new H2SubmissionStore(data)) {
            assertEquals(1, store.count(SubmissionQuery.all()));
        }
    }
}
