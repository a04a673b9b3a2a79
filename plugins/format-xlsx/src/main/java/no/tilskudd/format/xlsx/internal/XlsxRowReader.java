package no.tilskudd.format.xlsx.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.SourcePosition;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of a workbook as rows of text, for registers kept in Excel (the grant register): with the
 * same checks before opening as a filled-in template ({@link GuardedWorkbook}). A number is written as it is, without
 * grouping and with a point for decimals; a date-formatted cell as {@code YYYY-MM-DD}; a formula as its cached
 * result; an error cell as Excel shows it (#DIV/0!), so that the core refuses it as it would a typed one.
 */
@org.osgi.service.component.annotations.Component(service = RowReader.class)
@ServiceProvider(value = RowReader.class, resolution = Resolution.OPTIONAL)
public final class XlsxRowReader implements RowReader {

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public boolean canRead(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm");
    }

    @Override
    public Rows read(String fileName, InputStream in) throws IOException {
        return GuardedWorkbook.read(fileName, in, XlsxRowReader::rows,
                (location, code, message) -> refuse(fileName, location, code, message), scan -> { });
    }

    private static Rows refuse(String fileName, String location, String code, String message) {
        return new Rows(Optional.empty(), List.of(), List.of(new ReadProblem(new SourcePosition(fileName, location),
                code, message)));
    }

    private static Rows rows(XSSFWorkbook wb) {
        if (wb.getNumberOfSheets() == 0) {
            return new Rows(Optional.empty(), List.of(), List.of());
        }
        XSSFSheet sheet = wb.getSheetAt(0);
        List<RowReader.Row> rows = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            List<String> cells = new ArrayList<>();
            int last = -1;
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                Cell cell = row.getCell(c);
                String text = cell == null ? "" : text((XSSFCell) cell, cell.getCellType());
                cells.add(text);
                if (!text.isBlank()) {
                    last = c;
                }
            }
            if (last >= 0) {
                rows.add(new RowReader.Row(row.getRowNum() + 1, cells.subList(0, last + 1)));
            }
        }
        return new Rows(Optional.of(sheet.getSheetName()), rows, List.of());
    }

    private static String text(XSSFCell cell, CellType type) {
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                BigDecimal n = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
                return n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case FORMULA:
                return text(cell, cell.getCachedFormulaResultType());
            case ERROR:
                return cell.getErrorCellString();
            default:
                return "";
        }
    }
}
