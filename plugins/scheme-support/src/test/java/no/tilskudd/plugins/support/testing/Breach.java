package no.tilskudd.plugins.support.testing;

import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.submission.Submission;

/**
 * How to break one rule of a scheme, and how to come as close as possible without breaking it: both are changes to a
 * valid submission. The contract test checks that the failing change gives the rule's code at the path, and that the
 * passing change (a boundary case) does not.
 *
 * @param code     the rule's violation code
 * @param path     the path the violation points at
 * @param severity error or warning
 * @param years    the reporting years whose forms have the rule
 * @param pass     a change that keeps the rule satisfied, at its boundary where it has one
 * @param fail     a change that breaks the rule
 */
public record Breach(String code, String path, Severity severity, IntPredicate years, UnaryOperator<Submission> pass,
        UnaryOperator<Submission> fail) {

    /**
     * A breach of an error rule that every form has.
     *
     * @param code the code
     * @param path the path
     * @param pass the passing change
     * @param fail the failing change
     * @return the breach
     */
    public static Breach error(String code, String path, UnaryOperator<Submission> pass,
            UnaryOperator<Submission> fail) {
        return new Breach(code, path, Severity.ERROR, y -> true, pass, fail);
    }

    /**
     * A breach of a warning rule that every form has.
     *
     * @param code the code
     * @param path the path
     * @param pass the passing change
     * @param fail the failing change
     * @return the breach
     */
    public static Breach warning(String code, String path, UnaryOperator<Submission> pass,
            UnaryOperator<Submission> fail) {
        return new Breach(code, path, Severity.WARNING, y -> true, pass, fail);
    }

    /**
     * The same breach, for the forms of some years only.
     *
     * @param which the years
     * @return the breach
     */
    public Breach onlyIn(IntPredicate which) {
        return new Breach(code, path, severity, which, pass, fail);
    }

    /**
     * A change that sets values by path (see {@link Submissions#with}), applied in order.
     *
     * @param kv alternating paths and values; null removes a value
     * @return the change
     */
    public static UnaryOperator<Submission> set(Object... kv) {
        return s -> {
            Submission out = s;
            for (int i = 0; i < kv.length; i += 2) {
                out = Submissions.with(out, (String) kv[i], kv[i + 1]);
            }
            return out;
        };
    }
}
