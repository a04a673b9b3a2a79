package no.tilskudd.format.xlsx.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.simple.SimpleLogger;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * A log4j-api provider that discards POI's log output.
 *
 * <p>POI logs through log4j-api, which, finding no provider, prints an error on the first use and falls back to
 * printing to the console. The inlined log4j-api looks providers up with {@link java.util.ServiceLoader} on its own
 * class loader, which inside this bundle is the bundle's, so this plugin's
 * {@code META-INF/services/org.apache.logging.log4j.spi.Provider} is found there: no system property is needed and
 * nothing outside the plugin is changed in a framework. (It is a plain resource, not an OSGi service: it concerns
 * only the log4j-api copy inside this bundle.) On a plain class
 * path the entry is visible to every log4j-api user; the low priority lets any real provider (log4j-core: 10,
 * log4j-to-slf4j: 15) win.
 */
public final class QuietLog4jProvider extends Provider {

    /** Found by {@link java.util.ServiceLoader}. */
    public QuietLog4jProvider() {
        super(1, "2.6.0", Factory.class);
    }

    /** Hands out one context whose loggers are all off. */
    public static final class Factory implements LoggerContextFactory {

        private static final Context CONTEXT = new Context();

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
            return CONTEXT;
        }

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                URI configLocation, String name) {
            return CONTEXT;
        }

        @Override
        public void removeContext(LoggerContext context) {
            // one shared context that holds nothing worth releasing
        }

        @Override
        public boolean isClassLoaderDependent() {
            return false;
        }
    }

    /** Loggers at level OFF that write to nowhere. */
    static final class Context implements LoggerContext {

        private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
        private static final PropertiesUtil NO_PROPERTIES = new PropertiesUtil(new Properties());
        private final Map<String, ExtendedLogger> loggers = new ConcurrentHashMap<>();

        @Override
        public Object getExternalContext() {
            return null;
        }

        @Override
        public ExtendedLogger getLogger(String name) {
            return getLogger(name, null);
        }

        @Override
        public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
            return loggers.computeIfAbsent(name, n -> new SimpleLogger(n, Level.OFF, false, false, false, false, null,
                    messageFactory == null ? ParameterizedMessageFactory.INSTANCE : messageFactory, NO_PROPERTIES,
                    NOWHERE));
        }

        @Override
        public boolean hasLogger(String name) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, MessageFactory messageFactory) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
            return loggers.containsKey(name);
        }
    }
}
