package no.tilskudd.engine.internal.validation;

import java.lang.module.ModuleDescriptor;
import no.tilskudd.api.submission.Validator;

/**
 * Where a plugin validator comes from, for messages and for quarantine.
 *
 * @param name     for people: bundle symbolic name and version, module name and version, or the class name
 * @param identity what an update of the plugin replaces (a bundle revision, a module, a class); compared by identity
 */
public record ValidatorPlugin(String name, Object identity) {

    /**
     * The plugin of a validator on a plain module path or class path: its module, else its class.
     *
     * @param v the validator
     * @return its plugin
     */
    public static ValidatorPlugin of(Validator v) {
        Class<?> c = v.getClass();
        Module m = c.getModule();
        if (m.isNamed() && m.getDescriptor() != null) {
            return new ValidatorPlugin(m.getName() + " " + m.getDescriptor().version()
                    .map(ModuleDescriptor.Version::toString).orElse("unknown"), m);
        }
        return new ValidatorPlugin(c.getName(), c);
    }
}
