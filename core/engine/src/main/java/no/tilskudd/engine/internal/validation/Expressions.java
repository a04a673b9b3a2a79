package no.tilskudd.engine.internal.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * The expression language of form definitions: Apache Commons JEXL, cut down to side-effect-free expressions.
 *
 * <p>Form definitions come from plugins that administrators deploy, so an expression must not be able to reach
 * Java: no method calls, no object creation, no loops, no assignments, no lambdas or pragmas, and JEXL's restricted
 * permissions and a sandbox that allows no property of any class on top. What remains is arithmetic, comparison, logic, the {@code =~} membership operator, and the
 * {@code size()} and {@code empty()} operators over the submission's values.
 *
 * <p>Evaluation is cancellable: JEXL checks a flag (and the thread's interrupt status) at every variable and literal
 * element, so the caller can stop a rule that takes too long, e.g. a huge literal list evaluated for many rows.
 */
public final class Expressions {

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .methodCall(false)
            .lambda(false)
            .thinArrow(false)
            .fatArrow(false)
            .pragma(false)
            .namespacePragma(false)
            .importPragma(false)
            .annotation(false)
            .localVar(false)
            .script(false)
            .structuredLiteral(true);

    private static final JexlEngine JEXL = new JexlBuilder()
            .permissions(JexlPermissions.RESTRICTED)
            // Nothing may be read from a Java object, not even x.class: values are operands, never objects.
            .sandbox(new JexlSandbox(false))
            .features(FEATURES)
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(512)
            .cancellable(true)
            .create();

    private static final java.util.concurrent.ConcurrentMap<String, Compiled> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Expressions() {
    }

    /**
     * Compiles an expression once and reuses it; form expressions are few and evaluated for every submission.
     *
     * @param source the expression text
     * @return the compiled expression
     * @throws IllegalArgumentException when the text is not a permitted expression
     */
    public static Compiled cached(String source) {
        Compiled c = COMPILED.get(source);
        if (c == null) {
            c = compile(source);
            COMPILED.putIfAbsent(source, c);
        }
        return c;
    }

    /**
     * Compiles an expression.
     *
     * @param source the expression text
     * @return the compiled expression
     * @throws IllegalArgumentException with JEXL's reason when the text is not a permitted expression
     */
    public static Compiled compile(String source) {
        try {
            JexlScript script = JEXL.createScript(FEATURES, null, source);
            Set<String> variables = new HashSet<>();
            for (List<String> path : script.getVariables()) {
                if (!path.isEmpty()) {
                    variables.add(path.get(0));
                }
            }
            return new Compiled(source, script, variables.stream().sorted().toList());
        } catch (JexlException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
    }

    private static String reason(JexlException e) {
        String m = e.getMessage();
        // JEXL prefixes messages with an internal source position that means nothing to a form author.
        int colon = m == null ? -1 : m.indexOf(' ');
        return m == null ? e.getClass().getSimpleName() : m.substring(colon + 1);
    }

    /**
     * A compiled expression and the top-level variables it reads.
     *
     * @param source    the text
     * @param script    the compiled form
     * @param variables the names of the values it reads, sorted
     */
    public record Compiled(String source, JexlScript script, List<String> variables) {

        /**
         * The variables the expression reads that are absent or null in a context.
         *
         * @param context the values
         * @return the missing names, sorted
         */
        public List<String> missing(Map<String, Object> context) {
            List<String> out = null;
            for (String v : variables) {
                if (context.get(v) == null) {
                    if (out == null) {
                        out = new java.util.ArrayList<>();
                    }
                    out.add(v);
                }
            }
            return out == null ? List.of() : out;
        }

        /**
         * Evaluates the expression as a condition.
         *
         * @param context the values
         * @return the result, which must be a boolean
         * @throws IllegalArgumentException when evaluation fails or the result is not a boolean
         */
        public boolean test(Map<String, Object> context) {
            return test(context, new AtomicBoolean());
        }

        /**
         * Evaluates the expression as a condition, stopping when a flag is set.
         *
         * @param context the values
         * @param cancel  set (by another thread) to stop the evaluation
         * @return the result, which must be a boolean
         * @throws IllegalArgumentException when evaluation fails or the result is not a boolean
         * @throws CancellationException    when the flag was set before the evaluation finished
         */
        public boolean test(Map<String, Object> context, AtomicBoolean cancel) {
            Object result;
            try {
                // No copy: the features forbid assignments, so an expression cannot change the values it reads.
                result = script.execute(new CancellableContext(context, cancel));
            } catch (JexlException.Cancel e) {
                throw new CancellationException("expression '" + source + "' was stopped");
            } catch (JexlException e) {
                throw new IllegalArgumentException(reason(e), e);
            }
            if (result instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("expression '" + source + "' gave " + result + ", not true or false");
        }
    }

    /** Values for an evaluation, with the flag that JEXL checks for cancellation. */
    private static final class CancellableContext extends MapContext implements JexlContext.CancellationHandle {
        private final AtomicBoolean cancel;

        CancellableContext(Map<String, Object> values, AtomicBoolean cancel) {
            super(values);
            this.cancel = cancel;
        }

        @Override
        public AtomicBoolean getCancellation() {
            return cancel;
        }
    }
}
