package no.tilskudd.format.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an uploaded workbook only once it is found safe to: the file is copied to a temporary file first (the zip
 * needs random access), checked by {@link PackageGuard} (the zip) and {@link WorkbookScan} (the sheets and texts,
 * streamed), and only then parsed by POI's DOM. The same checks for every workbook this plugin reads (filled-in
 * templates, grant registers); what is wrong becomes the caller's problem value, and only a failure to read the
 * input stream is thrown.
 */
final class GuardedWorkbook {

    /** A filled-in form or a register is a few dozen kilobytes; a workbook of this size is not one. */
    static final long MAX_FILE_BYTES = 20L << 20;

    /** Makes the caller's answer for a refused workbook. */
    @FunctionalInterface
    interface Refusal<T> {
        T refuse(String location, String code, String message);
    }

    private GuardedWorkbook() {
    }

    /**
     * Reads a workbook.
     *
     * @param fileName the file's name
     * @param in       the content
     * @param body     reads the opened workbook
     * @param refusal  the answer for a workbook refused (location, code, message)
     * @param scanned  told what the streamed scan found, for tests
     * @return what {@code body} or {@code refusal} made
     * @throws IOException when the stream cannot be read
     */
    static <T> T read(String fileName, InputStream in, Function<XSSFWorkbook, T> body, Refusal<T> refusal,
            Consumer<WorkbookScan.Result> scanned) throws IOException {
        Path tmp = Files.createTempFile("tilskudd-import-", ".xlsx");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                size = copy(in, out, MAX_FILE_BYTES + 1);
            }
            if (size > MAX_FILE_BYTES) {
                return refusal.refuse("", "XLSX_TOO_LARGE", "the file is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MB; a filled-in form is much smaller");
            }
            if (size == 0) {
                return refusal.refuse("", "XLSX_EMPTY", "the file is empty");
            }
            return PoiRuntime.call(() -> parse(fileName, tmp, body, refusal, scanned));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    private static <T> T parse(String fileName, Path file, Function<XSSFWorkbook, T> body, Refusal<T> refusal,
            Consumer<WorkbookScan.Result> scanned) {
        try {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsm")) {
                return refusal.refuse("", "XLSX_MACROS", "macro-enabled workbooks (.xlsm) are refused; save the form as an "
                        + "ordinary .xlsx workbook");
            }
            FileMagic magic;
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
            if (magic == FileMagic.OLE2) {
                return refusal.refuse("", "XLSX_OLD_OR_ENCRYPTED", "the file is an Excel 97–2003 workbook (.xls) or a "
                        + "password-protected workbook; save the form as an ordinary .xlsx workbook without a "
                        + "password");
            }
            if (magic != FileMagic.OOXML) {
                return refusal.refuse("", "XLSX_NOT_A_WORKBOOK", "the file is not an Excel workbook (.xlsx)"
                        + (magic == FileMagic.UNKNOWN ? "" : ": it looks like " + magic.name().replace('_', ' ')
                                .toLowerCase(Locale.ROOT)));
            }
            Optional<PackageGuard.Refusal> zip = PackageGuard.check(file);
            if (zip.isPresent()) {
                return refusal.refuse("", zip.get().code(), zip.get().message());
            }
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                Optional<String> external = externalReference(pkg);
                if (external.isPresent()) {
                    return refusal.refuse("", "XLSX_EXTERNAL_LINKS", "the workbook refers to other files ("
                            + external.get() + "); remove the links and save again");
                }
                WorkbookScan.Result scan = WorkbookScan.scan(pkg);
                scanned.accept(scan);
                if (scan.refusal().isPresent()) {
                    WorkbookScan.Refusal r = scan.refusal().get();
                    return refusal.refuse(r.location(), r.code(), r.message());
                }
                try (XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
                    return body.apply(wb);
                }
            } finally {
                pkg.revert();
            }
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException | StackOverflowError
                | LinkageError e) {
            return refusal.refuse("", "XLSX_UNREADABLE", "the workbook cannot be read: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Links to other workbooks, data connections and OLE links: a form needs none, and they can leak or fetch. */
    private static Optional<String> externalReference(OPCPackage pkg) throws IOException, InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart()) {
                continue;
            }
            String type = part.getContentType();
            if (type.contains("externalLink") || type.contains("connections") || type.contains("oleObject")
                    || type.contains("vbaProject") || type.contains("macroEnabled")) {
                return Optional.of(part.getPartName().getName());
            }
            for (PackageRelationship r : part.getRelationships()) {
                boolean hyperlink = r.getRelationshipType().endsWith("/hyperlink");
                if (r.getTargetMode() == TargetMode.EXTERNAL && !hyperlink) {
                    return Optional.of(String.valueOf(r.getTargetURI()));
                }
            }
        }
        return Optional.empty();
    }
}
