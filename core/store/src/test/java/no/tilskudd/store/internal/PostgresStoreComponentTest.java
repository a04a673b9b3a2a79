package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The settings {@code store.url} and the rest put the store on PostgreSQL; wrong ones are refused, naming them. */
class PostgresStoreComponentTest {

    static PostgresServer server;

    @RegisterExtension
    static final BeforeEachCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    Path dir;

    /** A bundle context whose framework properties are the given ones. */
    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(PostgresStoreComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void storeUrlPutsTheStoreOnPostgresqlAndNotInTheDataFolder() throws Exception {
        Map<String, String> properties = new HashMap<>(server.storeSettings(server.createDatabase(), dir));
        Path data = dir.resolve("data");
        properties.put(StoreComponent.DATA_PROPERTY, data.toString());
        StoreComponent component = new StoreComponent();
        component.activate(context(properties), Map.of());
        try {
            assertEquals(new SaveResult(1, 0), component.save(List.of(submission("ks", 2024, "0301")), false, "a"));
            assertEquals(1, component.count(SubmissionQuery.all()));
            StoreException backup = assertThrows(StoreException.class,
                    () -> component.backup(Files.createDirectories(dir.resolve("backup"))));
            assertTrue(backup.getMessage().contains("pg_dump"), backup.getMessage());
        } finally {
            component.deactivate();
        }
        assertFalse(Files.exists(data.resolve("tilskudd.mv.db")), "nothing in the data folder");
        try (PostgresSubmissionStore again = new PostgresSubmissionStore(PostgresSettings.of(properties::get, dir))) {
            assertEquals(1, again.count(SubmissionQuery.all()));
        }
    }

    private Map<String, String> settings() throws Exception {
        return new HashMap<>(server.storeSettings("unused", dir));
    }

    private String refused(Map<String, String> settings) {
        return assertThrows(StoreException.class, () -> PostgresSettings.of(settings::get, dir)).getMessage();
    }

    @Test
    void withoutStoreUrlTheStoreIsH2() throws Exception {
        Map<String, String> settings = settings();
        settings.remove(PostgresSettings.URL);
        assertNull(PostgresSettings.of(settings::get, dir));
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Map<String, String> settings = settings();
        Path file = Path.of(settings.get(PostgresSettings.OWNER_PASSWORD_FILE));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        String message = refused(settings);
        assertTrue(message.contains("store.owner.passwordFile=" + file) && message.contains("chmod 600"), message);
    }

    @Test
    void missingOrWrongSettingsAreNamed() throws Exception {
        Map<String, String> noUser = settings();
        noUser.remove(PostgresSettings.USER);
        assertTrue(refused(noUser).startsWith("store.user is not set"), refused(noUser));

        Map<String, String> other = settings();
        other.put(PostgresSettings.URL, "jdbc:mysql://localhost/tilskudd");
        assertTrue(refused(other).contains("only PostgreSQL"), refused(other));

        Map<String, String> same = settings();
        same.put(PostgresSettings.USER, same.get(PostgresSettings.OWNER));
        assertTrue(refused(same).contains("without the owner's rights"), refused(same));

        Map<String, String> noFile = settings();
        noFile.put(PostgresSettings.PASSWORD_FILE, "missing.pw");
        assertTrue(refused(noFile).contains("store.passwordFile=" + dir.resolve("missing.pw") + ": no such file"),
                refused(noFile));

        Map<String, String> empty = settings();
        Files.writeString(Path.of(empty.get(PostgresSettings.PASSWORD_FILE)), "\n");
        assertTrue(refused(empty).contains("the file is empty"), refused(empty));
    }

    @Test
    void anApplicationUserWithTheOwnersRightsIsRefused() throws Exception {
        String database = server.createDatabase();
        try (var c = server.superuser("postgres"); var st = c.createStatement()) {
            st.execute("CREATE ROLE tilskudd_too_much LOGIN PASSWORD 'x' IN ROLE " + PostgresServer.OWNER);
        }
        Map<String, String> settings = new HashMap<>(server.storeSettings(database, dir));
        settings.put(PostgresSettings.USER, "tilskudd_too_much");
        StoreException e = assertThrows(StoreException.class,
                () -> new PostgresSubmissionStore(PostgresSettings.of(settings::get, dir)).close());
        assertTrue(e.getMessage().contains("tilskudd_too_much (store.user) is the owner or has the owner's rights"),
                e.getMessage());
    }
}
