package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The launcher boots whichever OSGi framework is chosen, found through ServiceLoader, and says so when it cannot. */
class FrameworksTest {

    private static final ClassLoader BOTH = FrameworksTest.class.getClassLoader();

    @Test
    void felixIsTheDefaultWhenBothFrameworksAreOnTheClassPath() {
        assertEquals("org.apache.felix.framework.FrameworkFactory",
                Frameworks.select(null, BOTH).getClass().getName());
        assertEquals("org.apache.felix.framework.FrameworkFactory",
                Frameworks.select(" ", BOTH).getClass().getName());
    }

    @Test
    void equinoxIsChosenByItsShortNameOrItsFactoryClass() {
        assertEquals("org.eclipse.osgi.launch.EquinoxFactory", Frameworks.select("equinox", BOTH).getClass().getName());
        assertEquals("org.eclipse.osgi.launch.EquinoxFactory",
                Frameworks.select("org.eclipse.osgi.launch.EquinoxFactory", BOTH).getClass().getName());
        assertEquals("org.apache.felix.framework.FrameworkFactory",
                Frameworks.select("felix", BOTH).getClass().getName());
    }

    @Test
    void anUnknownFrameworkIsRefusedNamingTheOnesFound() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Frameworks.select("knopflerfish", BOTH));
        assertTrue(e.getMessage().contains("tilskudd.framework=knopflerfish is not on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("org.eclipse.osgi.launch.EquinoxFactory"), e.getMessage());
        assertTrue(e.getMessage().contains("org.apache.felix.framework.FrameworkFactory"), e.getMessage());
    }

    @Test
    void noFrameworkAtAllIsAClearError() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Frameworks.select(null, empty));
            assertTrue(e.getMessage().startsWith("no OSGi framework on the class path"), e.getMessage());
        }
    }
}
