package no.tilskudd.engine.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The register keeps an imported file in the data folder, which a host names by framework property or configuration. */
class OrgUnitRegisterComponentTest {

    private static final String CSV = "code,name,county,region,validFrom,validTo\n9901,Testby,Nordland,Nord,,\n";

    @TempDir
    Path dir;

    private static BundleContext context(String data) {
        return (BundleContext) Proxy.newProxyInstance(OrgUnitRegisterComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "tilskudd.data".equals(args[0])) {
                        return data;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anImportedRegisterGoesToTheFrameworksDataFolder() throws Exception {
        OrgUnitRegisterComponent register = new OrgUnitRegisterComponent();
        register.activate(context(dir.toString()), Map.of());
        assertEquals(1, register.replace("units.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8))));
        assertTrue(Files.isRegularFile(dir.resolve(OrgUnitRegisterComponent.FILE)));
    }

    /** Apache Karaf sets no framework property: its feature gives the data folder as configuration no.tilskudd. */
    @Test
    void aConfiguredDataFolderWinsOverTheFrameworkProperty() throws Exception {
        Path framework = dir.resolve("framework");
        Path configured = dir.resolve("karaf/data/tilskudd");
        OrgUnitRegisterComponent register = new OrgUnitRegisterComponent();
        register.activate(context(framework.toString()), Map.of("tilskudd.data", configured.toString()));
        register.replace("units.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isRegularFile(configured.resolve(OrgUnitRegisterComponent.FILE)));
        assertFalse(Files.exists(framework));
        assertEquals("Testby", register.find("9901", 2020).orElseThrow().name());
    }

    /** Karaf's FileInstall rewrites the configuration once after the install: taken as a change, not a restart. */
    @Test
    void aConfigurationChangeIsTakenWithoutARestart() throws Exception {
        String xml;
        try (var in = OrgUnitRegisterComponent.class.getResourceAsStream(
                "/OSGI-INF/no.tilskudd.engine.internal.osgi.OrgUnitRegisterComponent.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("modified=\"modified\"") && xml.contains("configuration-pid=\"no.tilskudd\""), xml);

        OrgUnitRegisterComponent register = new OrgUnitRegisterComponent();
        register.activate(context(null), Map.of("tilskudd.data", dir.resolve("a").toString()));
        assertTrue(register.find("9901", 2020).isEmpty(), "the shipped register has no 9901");
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b").resolve(OrgUnitRegisterComponent.FILE), CSV);
        register.modified(context(null), Map.of("tilskudd.data", dir.resolve("b").toString()));
        assertEquals("Testby", register.find("9901", 2020).orElseThrow().name());
    }
}
