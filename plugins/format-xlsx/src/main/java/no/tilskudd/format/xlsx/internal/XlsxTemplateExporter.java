package no.tilskudd.format.xlsx.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.report.TemplateExporter;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import org.osgi.service.component.annotations.Component;

/**
 * Writes an empty form as a protected workbook: one sheet per section (question, answer cell, help), one table sheet
 * per repeating group, drop-downs and checked input for every answer, and a hidden record of the scheme, year and
 * form version that {@link XlsxSubmissionImporter} reads back.
 *
 * <p>Multi-choice questions get one Ja/Nei row (or column, in a repeating group) per option rather than a comma
 * list in one cell: each answer then has a drop-down, cannot be misspelt, and a wrong answer points at one cell.
 */
@Component(service = TemplateExporter.class)
@ServiceProvider(value = TemplateExporter.class, resolution = Resolution.OPTIONAL)
public final class XlsxTemplateExporter implements TemplateExporter {

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String fileExtension() {
        return "xlsx";
    }

    @Override
    public void writeTemplate(Scheme scheme, FormDefinition form, int year, Optional<OrgUnit> orgUnit,
            OutputStream out) throws IOException {
        TemplateWorkbook template = new TemplateWorkbook(scheme, form, year, orgUnit);
        try {
            PoiRuntime.call(() -> {
                template.write(new ReportWorkbook.KeepOpen(out));
                return null;
            });
        } catch (RuntimeException e) {
            throw new IOException("could not write the template workbook: " + e, e);
        }
    }
}
