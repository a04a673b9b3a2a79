package no.tilskudd.engine.internal.declared;

import java.util.Objects;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;

/**
 * An indicator computed from its definition, in memory.
 *
 * @param definition the definition
 * @param schemes    the schemes it applies to (empty: every scheme)
 * @param forms      the forms of the submissions, for what was not asked
 */
public record DeclaredIndicator(IndicatorDefinition definition, Set<String> schemes, Evaluation.Forms forms)
        implements Indicator {

    /** Checks the parts and freezes the set. */
    public DeclaredIndicator {
        Objects.requireNonNull(definition, "definition");
        schemes = Set.copyOf(schemes);
        Objects.requireNonNull(forms, "forms");
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public LocalizedText title() {
        return definition.title();
    }

    @Override
    public Table compute(IndicatorInput input) {
        Evaluation e = new Evaluation(definition, input.orgUnits(), forms);
        for (Submission s : input.submissions()) {
            e.add(s);
        }
        return e.table();
    }
}
