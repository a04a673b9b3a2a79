package no.tilskudd.karaf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The host facts in Karaf come from Karaf's framework properties and the feature's configuration no.tilskudd. */
class KarafHostTest {

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(KarafHostTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theDataFolderIsTheConfiguredOneAndDeployIsKarafsOwn() {
        KarafHost host = new KarafHost();
        host.activate(context(Map.of("karaf.base", "/opt/karaf", "karaf.data", "/opt/karaf/data")),
                Map.of("tilskudd.data", "/srv/tilskudd"));
        assertEquals(Path.of("/opt/karaf"), host.home());
        assertEquals(Path.of("/srv/tilskudd"), host.data());
        assertEquals(Path.of("/opt/karaf/deploy"), host.deploy());
        assertTrue(host.serving());
        assertTrue(host.deployFailures().isEmpty());
    }

    @Test
    void withoutConfigurationTheDataFolderIsUnderKarafsData() {
        KarafHost host = new KarafHost();
        host.activate(context(Map.of("karaf.base", "/opt/karaf", "karaf.data", "/var/karaf")), Map.of());
        assertEquals(Path.of("/var/karaf/tilskudd"), host.data());
    }

    @Test
    void outsideKarafTheHostRefusesToStartAndSaysWhy() {
        KarafHost host = new KarafHost();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> host.activate(context(Map.of()), Map.of()));
        assertTrue(e.getMessage().contains("karaf.base is not set"), e.getMessage());
    }
}
