package no.tilskudd.engine.internal.grants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.text.NotUtf8Exception;
import no.tilskudd.engine.internal.text.Utf8Reader;

/**
 * Reads a CSV register file as rows, with the same rules as the org-unit register: UTF-8 only (a byte-order mark is
 * skipped), comma-separated, double quotes around a cell that holds a comma; blank lines are skipped.
 */
final class CsvRows {

    private CsvRows() {
    }

    static boolean canRead(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    static RowReader.Rows read(String name, InputStream in) throws IOException {
        List<RowReader.Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new Utf8Reader(in));
        int lineNo = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(new RowReader.Row(lineNo, CsvOrgUnitRegister.splitCsv(line)));
                }
            }
        } catch (NotUtf8Exception e) {
            return new RowReader.Rows(Optional.empty(), List.of(), List.of(new ReadProblem(
                    new SourcePosition(name, Integer.toString(e.line())), "FILE_NOT_UTF8", e.getMessage())));
        }
        return new RowReader.Rows(Optional.empty(), rows, List.of());
    }
}
