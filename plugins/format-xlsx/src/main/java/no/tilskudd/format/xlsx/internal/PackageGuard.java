package no.tilskudd.format.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Looks at an uploaded workbook's zip container before POI parses anything, and refuses what a filled-in template
 * never contains: macros, links to other files, embedded objects, and parts that unpack to far more than they weigh
 * (zip bombs). Every part is actually unpacked here with a limit, so the sizes checked are the real ones and not the
 * ones the zip headers claim. POI's own guard ({@link ZipSecureFile}: minimum inflate ratio, maximum entry size)
 * still applies when POI opens the file afterwards; its limits are global to POI, so they are read here and not
 * changed.
 */
final class PackageGuard {

    /** A refusal: a stable code and what is wrong. */
    record Refusal(String code, String message) {
    }

    static final int MAX_PARTS = 2_000;
    static final long MAX_PART_BYTES = 32L << 20;
    static final long MAX_TOTAL_BYTES = 128L << 20;
    /** Below this size a part is too small for its compression ratio to matter. */
    private static final long RATIO_FLOOR_BYTES = 256L << 10;

    private PackageGuard() {
    }

    static Optional<Refusal> check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            int parts = 0;
            long total = 0;
            boolean workbook = false;
            String documentKind = null;
            byte[] buffer = new byte[64 * 1024];
            double minRatio = ZipSecureFile.getMinInflateRatio();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++parts > MAX_PARTS) {
                    return refuse("XLSX_TOO_MANY_PARTS", "the workbook has more than " + MAX_PARTS
                            + " parts; a filled-in form has a few dozen");
                }
                String name = e.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!names.add(lower)) {
                    return refuse("XLSX_BROKEN", "the file is damaged: the part " + name + " is in it twice");
                }
                if (lower.contains("vbaproject") || lower.endsWith(".bin") && lower.startsWith("xl/")) {
                    return refuse("XLSX_MACROS", "the workbook contains macros (" + name + "); macros are refused: "
                            + "save the form as an ordinary .xlsx workbook without macros");
                }
                if (lower.startsWith("xl/externallinks/")) {
                    return refuse("XLSX_EXTERNAL_LINKS", "the workbook links to other files (" + name + "); remove "
                            + "the links (Data > Edit Links > Break Link) and save again");
                }
                if (lower.startsWith("xl/embeddings/") || lower.startsWith("xl/activex/")) {
                    return refuse("XLSX_EMBEDDED_OBJECTS", "the workbook contains embedded objects (" + name
                            + "); a filled-in form has none");
                }
                if (lower.equals("xl/workbook.xml")) {
                    workbook = true;
                }
                if (lower.equals("word/document.xml")) {
                    documentKind = "a Word document (.docx)";
                } else if (lower.equals("ppt/presentation.xml")) {
                    documentKind = "a PowerPoint presentation (.pptx)";
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (size > MAX_PART_BYTES) {
                            return refuse("XLSX_ZIP_BOMB", "the part " + name + " unpacks to more than "
                                    + (MAX_PART_BYTES >> 20) + " MB; the file is refused as a possible zip bomb");
                        }
                        if (total > MAX_TOTAL_BYTES) {
                            return refuse("XLSX_ZIP_BOMB", "the workbook unpacks to more than "
                                    + (MAX_TOTAL_BYTES >> 20) + " MB; the file is refused as a possible zip bomb");
                        }
                    }
                }
                if (size > RATIO_FLOOR_BYTES && (double) e.getCompressedSize() / size < minRatio) {
                    return refuse("XLSX_ZIP_BOMB", "the part " + name + " is packed " + (size / Math.max(1,
                            e.getCompressedSize())) + " times smaller than it unpacks; the file is refused as a "
                            + "possible zip bomb");
                }
                if (lower.equals("[content_types].xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        String types = new String(in.readNBytes((int) Math.min(size, MAX_PART_BYTES)),
                                StandardCharsets.UTF_8);
                        if (types.contains("macroEnabled") || types.contains("vbaProject")) {
                            return refuse("XLSX_MACROS", "the workbook is macro-enabled (.xlsm); macros are refused: "
                                    + "save the form as an ordinary .xlsx workbook");
                        }
                    }
                }
            }
            if (!workbook) {
                return refuse("XLSX_NOT_A_WORKBOOK", "the file is " + (documentKind == null
                        ? "a zip archive but not an Excel workbook" : documentKind + ", not an Excel workbook"));
            }
            return Optional.empty();
        } catch (ZipException e) {
            return refuse("XLSX_BROKEN", "the file is damaged and cannot be unpacked (" + e.getMessage() + ")");
        } catch (IOException e) {
            return refuse("XLSX_BROKEN", "the file cannot be unpacked (" + e.getMessage() + ")");
        }
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
