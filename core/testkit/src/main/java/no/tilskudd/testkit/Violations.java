package no.tilskudd.testkit;

import java.util.List;
import no.tilskudd.api.submission.Violation;

/**
 * The violations of one submission, with assertions that name what was expected and what was found.
 *
 * @param all every violation, errors and warnings
 */
public record Violations(List<Violation> all) {

    /** Freezes the list. */
    public Violations {
        all = List.copyOf(all);
    }

    /**
     * Asserts that there are no errors (warnings are allowed).
     *
     * @return this
     * @throws AssertionError listing the errors
     */
    public Violations assertValid() {
        List<Violation> errors = all.stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("expected no errors, found:\n  " + describe(errors));
        }
        return this;
    }

    /**
     * Asserts that there is a violation with a code at a path.
     *
     * @param code the stable code
     * @param path the field path, e.g. {@code measures[0].firstFundedYear}
     * @return the violation
     * @throws AssertionError listing what was found instead
     */
    public Violation assertViolation(String code, String path) {
        return all.stream().filter(v -> v.code().equals(code) && v.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " at " + path + ", found:\n  "
                        + describe(all)));
    }

    /**
     * Asserts that no violation has a code.
     *
     * @param code the stable code
     * @return this
     * @throws AssertionError naming the violations with that code
     */
    public Violations assertNoViolation(String code) {
        List<Violation> found = all.stream().filter(v -> v.code().equals(code)).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("expected no " + code + ", found:\n  " + describe(found));
        }
        return this;
    }

    /**
     * The codes, in order.
     *
     * @return the codes
     */
    public List<String> codes() {
        return all.stream().map(Violation::code).toList();
    }

    private static String describe(List<Violation> list) {
        if (list.isEmpty()) {
            return "(nothing)";
        }
        return String.join("\n  ", list.stream().map(v -> v.severity() + " " + v.code() + " at '" + v.path() + "': "
                + v.message().en()).toList());
    }
}
