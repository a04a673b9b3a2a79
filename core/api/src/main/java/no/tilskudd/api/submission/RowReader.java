package no.tilskudd.api.submission;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads a register kept as a spreadsheet (the grant register, say) as rows of text cells, for the core to check row
 * by row. A format plugin that can open such files registers one; the core reads CSV itself. A reader only reads:
 * what the columns mean is the core's.
 *
 * @since 1.1
 */
@ConsumerType
public interface RowReader {

    /**
     * The format id, e.g. {@code xlsx}.
     *
     * @return the format id
     */
    String format();

    /**
     * Tells whether this reader reads a file, judged by its name.
     *
     * @param fileName the file's name
     * @return true if it handles it
     */
    boolean canRead(String fileName);

    /**
     * Reads the first sheet of a file: the first row is the header.
     *
     * @param fileName the name to use in problems
     * @param in       the content; the reader must not close it
     * @return the rows, or the problems that kept the file from being read; never throws for bad content
     * @throws IOException when the stream cannot be read
     */
    Rows read(String fileName, InputStream in) throws IOException;

    /**
     * What a reader read.
     *
     * @param sheet    the sheet's name, for positions such as {@code 'Tildelinger'!C5}; empty for a plain text file,
     *                 whose positions are line numbers
     * @param rows     the rows that have any cell, in order, the header first
     * @param problems why the file could not be read; a file with problems is not imported
     */
    record Rows(Optional<String> sheet, List<Row> rows, List<ReadProblem> problems) {

        /**
         * Freezes the lists.
         *
         * @param sheet    the sheet's name, or empty
         * @param rows     the rows, the header first
         * @param problems why the file could not be read
         */
        public Rows {
            Objects.requireNonNull(sheet, "sheet");
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /**
     * One row.
     *
     * @param number the row's number in the file, from 1
     * @param cells  the cells from the first column on, as text: numbers without grouping and with a point for
     *               decimals (250000.5), dates as {@code YYYY-MM-DD}, an empty cell as an empty string
     */
    record Row(int number, List<String> cells) {

        /**
         * Freezes the cells.
         *
         * @param number the row's number
         * @param cells  the cells as text
         */
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
