package no.tilskudd.engine.internal.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.submission.Submission;

/**
 * Which conditional fields of a form apply to a submission: those whose {@code requiredWhen} condition holds, with
 * the values the validator gives the condition (the report's scheme, year and org unit, the top-level values, and a
 * row's own values for a field in a repeating group). The browser form shows a conditional field only when it is
 * listed here, so that no copy of the form's conditions runs in JavaScript.
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * The paths of the conditional fields whose condition holds: {@code field}, or {@code group[i].field} for the
     * rows of a repeating group, in form order. A condition that reads an absent value, fails, or runs out of time
     * does not hold, as for the validator.
     *
     * @param form  the form
     * @param s     the submission
     * @param limit how long the conditions may take together
     * @return the paths
     */
    public static List<String> applicable(FormDefinition form, Submission s, Duration limit) {
        Map<String, Object> top = new HashMap<>();
        top.put("year", (long) s.year());
        top.put("scheme", s.schemeId());
        top.put("orgUnit", s.orgUnit());
        top.putAll(s.values());
        List<String> out = new ArrayList<>();
        try (Deadlines.Deadline deadline = Deadlines.start(limit)) {
            for (Field f : form.fields()) {
                if (holds(f, top, deadline)) {
                    out.add(f.id());
                }
                if (f.type() == FieldType.GROUP) {
                    List<Map<String, Object>> rows = s.rows(f.id());
                    for (int i = 0; i < rows.size(); i++) {
                        Map<String, Object> ctx = new HashMap<>(top);
                        ctx.putAll(rows.get(i));
                        for (Field child : f.fields()) {
                            if (holds(child, ctx, deadline)) {
                                out.add(f.id() + "[" + i + "]." + child.id());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean holds(Field f, Map<String, Object> ctx, Deadlines.Deadline deadline) {
        if (f.requiredWhen().isEmpty() || deadline.expired.get()) {
            return false;
        }
        Expressions.Compiled c = Expressions.cached(f.requiredWhen().get());
        if (!c.missing(ctx).isEmpty()) {
            return false;
        }
        try {
            return c.test(ctx, deadline.expired);
        } catch (CancellationException | IllegalArgumentException e) {
            return false;
        }
    }
}
