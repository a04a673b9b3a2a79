package no.tilskudd.engine.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private static boolean eval(String expression, Map<String, Object> context) {
        return Expressions.compile(expression).test(context);
    }

    private static boolean eval(String expression) {
        return eval(expression, Map.of());
    }

    /** The expression is refused when compiled, or, failing that, when evaluated; it never runs to a result. */
    private static void assertRefused(String expression, Map<String, Object> context) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expressions.compile(expression).test(context));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    }

    /** The expression is refused at compile time with a reason containing the fragment. */
    private static void assertRefusedAtCompileTime(String expression, String reasonFragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expressions.compile(expression));
        assertTrue(e.getMessage().contains(reasonFragment), e.getMessage());
    }

    // --- what is allowed ---------------------------------------------------------------------------------------

    @Test
    void evaluationStopsWhenItsFlagIsSetOrItsThreadInterrupted() {
        Expressions.Compiled c = Expressions.compile("n =~ [n, n, n] && n > 0");
        Map<String, Object> ctx = Map.of("n", 1L);
        assertTrue(c.test(ctx, new java.util.concurrent.atomic.AtomicBoolean()));
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> c.test(ctx, new java.util.concurrent.atomic.AtomicBoolean(true)));
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> c.test(ctx));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void arithmeticAndComparisonWork() {
        Map<String, Object> ctx = Map.of("a", 5L, "b", 3L, "amount", new BigDecimal("1500.50"));
        assertTrue(eval("a + b == 8", ctx));
        assertTrue(eval("a - b * 2 == -1", ctx));
        assertTrue(eval("a / 5 == 1", ctx));
        assertTrue(eval("a % 3 == 2", ctx));
        assertTrue(eval("a > b && b >= 3 && b < a && a <= 5 && a != b", ctx));
        assertFalse(eval("a < b", ctx));
        assertTrue(eval("amount > 1500", ctx));
        assertTrue(eval("amount == 1500.50", ctx));
    }

    @Test
    void logicWorks() {
        Map<String, Object> ctx = Map.of("yes", true, "no", false);
        assertTrue(eval("yes || no", ctx));
        assertFalse(eval("yes && no", ctx));
        assertTrue(eval("!no", ctx));
        assertTrue(eval("not no and (yes or no)", ctx));
        assertTrue(eval("no ? false : true", ctx));
    }

    @Test
    void stringComparisonWorks() {
        assertTrue(eval("goalsReached == 'notAll'", Map.of("goalsReached", "notAll")));
        assertFalse(eval("goalsReached == 'notAll'", Map.of("goalsReached", "all")));
    }

    @Test
    void membershipInAListWorks() {
        Map<String, Object> ctx = Map.of("reasons", List.of("time", "staff"));
        assertTrue(eval("'time' =~ reasons", ctx));
        assertFalse(eval("'money' =~ reasons", ctx));
        assertTrue(eval("'money' !~ reasons", ctx));
    }

    @Test
    void membershipInALiteralListWorks() {
        assertTrue(eval("code =~ ['a', 'b']", Map.of("code", "b")));
        assertFalse(eval("code =~ ['a', 'b']", Map.of("code", "c")));
    }

    @Test
    void sizeAndEmptyWork() {
        Map<String, Object> ctx = Map.of("reasons", List.of("time", "staff"), "none", List.of(), "text", "abc");
        assertTrue(eval("size(reasons) == 2", ctx));
        assertTrue(eval("size(text) == 3", ctx));
        assertTrue(eval("empty(none)", ctx));
        assertFalse(eval("empty(reasons)", ctx));
    }

    @Test
    void variablesAreTheTopLevelNamesRead() {
        assertEquals(List.of("a", "b", "reasons"),
                Expressions.compile("reasons =~ ['x'] || b + a > 0").variables(), "each name once, sorted");
    }

    @Test
    void missingListsAbsentAndNullVariablesSorted() {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("b", 1L);
        ctx.put("c", null);
        assertEquals(List.of("a", "c"), Expressions.compile("c + b + a > 0").missing(ctx));
        assertEquals(List.of(), Expressions.compile("b > 0").missing(ctx));
    }

    @Test
    void cachedReturnsTheSameCompiledExpression() {
        assertSame(Expressions.cached("x > 12345"), Expressions.cached("x > 12345"));
    }

    @Test
    void contextIsNotChangedByEvaluation() {
        Map<String, Object> ctx = new HashMap<>(Map.of("a", 1L));
        assertTrue(eval("a == 1", ctx));
        assertEquals(Map.of("a", 1L), ctx);
    }

    // --- what is refused ---------------------------------------------------------------------------------------

    @Test
    void nonBooleanResultIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> eval("a + 1", Map.of("a", 1L)));
        assertEquals("expression 'a + 1' gave 2, not true or false", e.getMessage());
    }

    @Test
    void nullResultIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> eval("null"));
        assertEquals("expression 'null' gave null, not true or false", e.getMessage());
    }

    @Test
    void syntaxErrorIsRefusedAtCompileTime() {
        assertThrows(IllegalArgumentException.class, () -> Expressions.compile("a >"));
    }

    @Test
    void methodCallIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("x.getClass() == null", "method call");
    }

    @Test
    void methodCallOnAStringIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("'abc'.length() == 3", "method call");
    }

    @Test
    void newIsRefused() {
        assertRefusedAtCompileTime("new('java.io.File', '/') != null", "create instance");
    }

    @Test
    void forLoopIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("for (i : [1, 2]) { i }", "'for'");
    }

    @Test
    void whileLoopIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("while (true) { }", "'while'");
    }

    @Test
    void assignmentIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("x = 1", "assign");
    }

    @Test
    void compoundAssignmentIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("x += 1", "assign");
    }

    @Test
    void localVariableIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("var y = 1; y == 1", "'var'");
    }

    @Test
    void lambdaIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("function(x) { x } != null", "function(x)");
    }

    @Test
    void arrowLambdaIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("(x) -> x > 1", "(x) -> x > 1");
        assertRefusedAtCompileTime("(x) => x > 1", "(x) => x > 1");
    }

    @Test
    void pragmaIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("#pragma jexl.safe true\n1 == 1", "pragma");
    }

    @Test
    void importPragmaIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("#pragma jexl.import java.io\ntrue", "pragma");
    }

    @Test
    void annotationIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("@silent x == 1", "@silent");
    }

    @Test
    void incrementIsRefusedAtCompileTime() {
        assertRefusedAtCompileTime("++x > 1", "assign");
    }

    @Test
    void namespaceFunctionIsRefused() {
        assertRefused("math:abs(x) == 1", Map.of("x", 1L));
    }

    @Test
    void classPropertyOfAValueIsNotReachable() {
        assertRefused("x.class.name == 'java.lang.String'", Map.of("x", "abc"));
    }

    @Test
    void classOfAValueIsNotReachable() {
        assertRefused("x.class != null", Map.of("x", "abc"));
    }

    @Test
    void propertyOfAJavaObjectIsNotReachable() {
        // A value smuggled into the context must not expose its getters (File#getAbsolutePath).
        assertRefused("f.absolutePath != ''", Map.of("f", new File("/")));
    }

    @Test
    void undefinedVariableIsAnEvaluationError() {
        assertThrows(IllegalArgumentException.class, () -> eval("nope > 1"));
    }

    @Test
    void setterOfAContextValueIsNotReachable() {
        List<Object> list = new ArrayList<>();
        assertRefusedAtCompileTime("l.empty = true", "assign");
        assertTrue(list.isEmpty());
    }
}
