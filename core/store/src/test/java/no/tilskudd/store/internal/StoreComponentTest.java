package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class StoreComponentTest {

    @TempDir
    Path dir;

    /** A bundle context that has only the data property. */
    private static BundleContext context(String data) {
        return (BundleContext) Proxy.newProxyInstance(StoreComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return StoreComponent.DATA_PROPERTY.equals(args[0]) ? data : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void activationOpensTheStoreInTheDataDirectoryAndDeactivationClosesIt() throws Exception {
        Path data = dir.resolve("not/yet/there");
        StoreComponent component = new StoreComponent();

        component.activate(context(data.toString()), Map.of());
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

    /** Apache Karaf sets no framework property: its feature gives the data folder as configuration no.tilskudd. */
    @Test
    void aConfiguredDataDirectoryWinsOverTheFrameworkProperty() throws Exception {
        Path framework = dir.resolve("framework");
        Path configured = dir.resolve("karaf/data/tilskudd");
        StoreComponent component = new StoreComponent();

        component.activate(context(framework.toString()), Map.of(StoreComponent.DATA_PROPERTY, configured.toString()));
        try {
            assertTrue(Files.isRegularFile(configured.resolve("tilskudd.mv.db")));
            assertFalse(Files.exists(framework));
        } finally {
            component.deactivate();
        }
    }

    /**
     * Karaf's FileInstall rewrites the configuration once after the feature install (it adds its own key): the store
     * must take that as a change (DS modified), not be restarted with every service that uses it, which made the
     * first shell command after the install fail.
     */
    @Test
    void aConfigurationChangeIsTakenWithoutARestartAndMovesTheStoreOnlyWhenTheFolderChanges() throws Exception {
        String xml;
        try (var in = StoreComponent.class.getResourceAsStream(
                "/OSGI-INF/no.tilskudd.store.internal.StoreComponent.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("modified=\"modified\"") && xml.contains("configuration-pid=\"no.tilskudd\""), xml);

        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        StoreComponent component = new StoreComponent();
        component.activate(context(null), Map.of(StoreComponent.DATA_PROPERTY, first.toString()));
        try {
            component.save(List.of(submission("ks", 2024, "0301")), false, "a");
            component.modified(context(null), Map.of(StoreComponent.DATA_PROPERTY, first.toString(),
                    "felix.fileinstall.filename", "file:/opt/karaf/etc/no.tilskudd.cfg"));
            assertEquals(1, component.count(SubmissionQuery.all()));
            component.modified(context(null), Map.of(StoreComponent.DATA_PROPERTY, second.toString()));
            assertTrue(Files.isRegularFile(second.resolve("tilskudd.mv.db")));
            assertEquals(0, component.count(SubmissionQuery.all()), "the store in the new folder is empty");
        } finally {
            component.deactivate();
        }
    }
}
