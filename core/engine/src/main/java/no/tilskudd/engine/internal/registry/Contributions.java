package no.tilskudd.engine.internal.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.SchemeRegistry;

/**
 * Whether a plugin's validator or indicator applies to a scheme. It applies to the schemes its own bundle owns (the
 * bundle whose scheme of the id the registry uses, which is the recorded owner), and to a scheme of another bundle
 * only when its bundle declares the scheme as an extension (manifest header {@value #HEADER}) <em>and</em> an
 * administrator approved that extension (recorded in the store, so that every host and one-shot command on the data
 * decide alike). Anything else stays out of the scheme: a jar with nothing but a validator for {@code avdir} does not
 * touch AVdir's reports.
 */
public final class Contributions {

    /** The manifest header that declares the schemes a bundle extends, e.g. {@code Tilskudd-Extends: avdir}. */
    public static final String HEADER = "Tilskudd-Extends";

    /**
     * The bundle a contribution comes from.
     *
     * @param name       its symbolic name (or module name)
     * @param version    its version
     * @param extensions the schemes it declares as extensions
     */
    public record Contributor(String name, String version, Set<String> extensions) {

        /**
         * Checks the parts and freezes the set.
         *
         * @param name       its symbolic name
         * @param version    its version
         * @param extensions the schemes it declares as extensions
         */
        public Contributor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            extensions = Set.copyOf(extensions);
        }

        @Override
        public String toString() {
            return name + " " + version;
        }
    }

    /** Whether and why a contribution applies to a scheme. */
    public enum Standing {
        /** Its bundle owns the scheme. */
        OWN,
        /** Declared as an extension and approved. */
        APPROVED_EXTENSION,
        /** Declared as an extension, not approved. */
        UNAPPROVED_EXTENSION,
        /** Another bundle's scheme, not declared as an extension. */
        NOT_DECLARED,
        /** The scheme is not installed, so there is nothing to apply it to. */
        NO_SCHEME;

        /**
         * @return whether a contribution of this standing is used
         */
        public boolean applies() {
            return this == OWN || this == APPROVED_EXTENSION;
        }
    }

    private final SchemeRegistry schemes;
    private final BiPredicate<String, String> approved;

    /**
     * @param schemes  the registry, whose scheme of an id is its owner's
     * @param approved whether an administrator approved a bundle (second) to extend a scheme (first)
     */
    public Contributions(SchemeRegistry schemes, BiPredicate<String, String> approved) {
        this.schemes = schemes;
        this.approved = approved;
    }

    /**
     * The schemes a header value declares.
     *
     * @param header the value of {@value #HEADER}, or null
     * @return the scheme ids, comma separated in the header
     */
    public static Set<String> parse(String header) {
        if (header == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(header.split(",")).map(p -> p.split(";")[0].trim()).filter(p -> !p.isEmpty())
                .forEach(out::add);
        return out;
    }

    /**
     * The scheme of an id as the registry has it now: from the list, since a lookup by id may wait for a scheme whose
     * bundle is being updated, and a contribution of another scheme must not wait for that.
     */
    private Optional<Scheme> installed(String schemeId) {
        return schemes.schemes().stream().filter(s -> s.id().equals(schemeId)).findFirst();
    }

    /**
     * Whether a contribution applies to a scheme.
     *
     * @param c        the contributing bundle
     * @param schemeId the scheme
     * @return the standing
     */
    public Standing standing(Contributor c, String schemeId) {
        Optional<Scheme> scheme = installed(schemeId);
        if (scheme.isEmpty()) {
            return Standing.NO_SCHEME;
        }
        if (scheme.get().origin().name().equals(c.name())) {
            return Standing.OWN;
        }
        if (!c.extensions().contains(schemeId)) {
            return Standing.NOT_DECLARED;
        }
        boolean yes;
        try {
            yes = approved.test(schemeId, c.name());
        } catch (RuntimeException e) {
            // Without the record nothing is approved: an extension applies only when it is known to be.
            yes = false;
        }
        return yes ? Standing.APPROVED_EXTENSION : Standing.UNAPPROVED_EXTENSION;
    }

    /**
     * Whether a contribution applies to a scheme.
     *
     * @param c        the contributing bundle
     * @param schemeId the scheme
     * @return true for its own scheme and an approved extension
     */
    public boolean applies(Contributor c, String schemeId) {
        return standing(c, schemeId).applies();
    }

    /**
     * Why a contribution does not apply, for status and the log; empty when it applies or has no scheme to apply to.
     *
     * @param c        the contributing bundle
     * @param kind     {@code validator} or {@code indicator}
     * @param what     the validator's class or the indicator's id
     * @param schemeId the scheme
     * @return the line, naming the bundle, the scheme's owner and what the administrator can do
     */
    public Optional<String> refusal(Contributor c, String kind, String what, String schemeId) {
        Standing s = standing(c, schemeId);
        String owner = installed(schemeId).map(x -> x.origin().name()).orElse("?");
        String head = c + ": " + kind + " " + what + " for scheme '" + schemeId + "' is not applied: the scheme "
                + "belongs to " + owner + "; ";
        return switch (s) {
            case OWN, APPROVED_EXTENSION, NO_SCHEME -> Optional.empty();
            case NOT_DECLARED -> Optional.of(head + c.name() + " does not declare it as an extension ("
                    + HEADER + ": " + schemeId + ")");
            case UNAPPROVED_EXTENSION -> Optional.of(head + c.name() + " declares it as an extension, which no "
                    + "administrator has approved (tilskudd deploy --allow-extension " + schemeId + " FILE)");
        };
    }

    /**
     * The lines of {@link #refusal} for several schemes of one contribution.
     *
     * @param c       the contributing bundle
     * @param kind    {@code validator} or {@code indicator}
     * @param what    the validator's class or the indicator's id
     * @param schemes the schemes
     * @return the lines
     */
    public List<String> refusals(Contributor c, String kind, String what, Set<String> schemes) {
        List<String> out = new ArrayList<>();
        for (String s : schemes) {
            refusal(c, kind, what, s).ifPresent(out::add);
        }
        return out;
    }
}
