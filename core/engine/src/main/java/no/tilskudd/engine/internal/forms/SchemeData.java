package no.tilskudd.engine.internal.forms;

import java.util.List;
import java.util.Objects;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.Validator;

/**
 * A scheme as its descriptor declares it: the scheme itself and the standard indicators and built-in rules the
 * descriptor names, ready for the engine to register for the scheme's plugin.
 *
 * @param scheme     the scheme with its forms
 * @param indicators the standard indicators named in {@code "indicators"}, configured for this scheme
 * @param validators the built-in rules named in {@code "rules"}, configured for this scheme
 */
public record SchemeData(Scheme scheme, List<Indicator> indicators, List<Validator> validators) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param scheme     the scheme with its forms
     * @param indicators the standard indicators named in {@code "indicators"}
     * @param validators the built-in rules named in {@code "rules"}
     */
    public SchemeData {
        Objects.requireNonNull(scheme, "scheme");
        indicators = List.copyOf(indicators);
        validators = List.copyOf(validators);
    }
}
