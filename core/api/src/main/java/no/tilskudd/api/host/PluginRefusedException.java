package no.tilskudd.api.host;

import java.util.Objects;
import java.util.Optional;

/** A jar or plugin the plugin service will not act on, with a stable code and a sentence that says why. */
public final class PluginRefusedException extends Exception {

    /** The jar has no manifest or no usable bundle identity. */
    public static final String NOT_A_BUNDLE = "not_a_bundle";
    /** The file is not a readable jar. */
    public static final String NOT_A_JAR = "not_a_jar";
    /** The bundle is part of the host, not a plugin in {@code deploy/}. */
    public static final String CORE_BUNDLE = "core_bundle";
    /** No such plugin in {@code deploy/}. */
    public static final String NOT_FOUND = "not_found";
    /** The dry run found the jar unsafe and the request did not force it. */
    public static final String NOT_SAFE = "not_safe";

    private static final long serialVersionUID = 1L;

    /** The reason, as one of the codes above. */
    private final String code;
    /** The dry run that refused the jar; not kept when the exception is serialized. */
    private final transient DryRun check;

    /**
     * @param code    one of the codes of this class
     * @param message why, as a sentence
     */
    public PluginRefusedException(String code, String message) {
        this(code, message, null);
    }

    /**
     * @param code    one of the codes of this class
     * @param message why, as a sentence
     * @param check   the dry run that refused it, or null
     */
    public PluginRefusedException(String code, String message, DryRun check) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.check = check;
    }

    /**
     * The reason, as a stable code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The dry run that found the jar unsafe, for {@link #NOT_SAFE}.
     *
     * @return the dry run, if one refused the jar
     */
    public Optional<DryRun> check() {
        return Optional.ofNullable(check);
    }
}
