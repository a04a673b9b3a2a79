package no.tilskudd.engine.internal.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.NumberBounds;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.text.NotUtf8Exception;
import no.tilskudd.engine.internal.text.Utf8Reader;
import no.tilskudd.engine.internal.validation.NumberRanges;

/**
 * Reads the submission interchange format ({@code docs/submission-format.md}): a {@code .json} file holding one
 * submission object or an array of them, or a {@code .jsonl}/{@code .ndjson} file with one submission per line.
 * Every problem carries the line (and column, for syntax errors and numbers), and a bad line does not hide the
 * problems of the lines after it.
 *
 * <p>Files must be UTF-8 ({@link Utf8Reader}: invalid bytes and UTF-16 are refused with the line, never stored as
 * replacement characters). Numbers are bounded as they are parsed: one beyond {@link NumberBounds#CEILING} (such as
 * {@code 1e99999999}, ten characters that would expand to a hundred million digits) is refused with its line and
 * column, and its submission goes no further; the field's own bounds are checked by validation.
 */
public final class JsonSubmissionImporter implements SubmissionImporter {

    private static final Set<String> KEYS = Set.of("scheme", "year", "orgUnit", "formVersion", "values");

    static final String NOT_UTF8 = "FILE_NOT_UTF8";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public boolean canRead(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    @Override
    public ReadResult read(String fileName, InputStream in, SchemeLookup schemes) throws IOException {
        String n = fileName.toLowerCase(Locale.ROOT);
        List<ImportedSubmission> out = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        try {
            if (n.endsWith(".json")) {
                readJson(fileName, in, out, problems);
            } else {
                readLines(fileName, in, out, problems);
            }
        } catch (NotUtf8Exception e) {
            problems.add(new ReadProblem(new SourcePosition(fileName, String.valueOf(e.line())), NOT_UTF8,
                    "not UTF-8: " + e.getMessage()));
        }
        return new ReadResult(out, problems);
    }

    private void readLines(String file, InputStream in, List<ImportedSubmission> out, List<ReadProblem> problems)
            throws IOException {
        BufferedReader reader = new BufferedReader(new Utf8Reader(in));
        String line;
        int lineNo = 0;
        boolean any = false;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            any = true;
            try (JsonParser p = Json.MAPPER.createParser(line)) {
                p.nextToken();
                Values v = new Values(file, lineNo, problems);
                Object value = v.read(p, "");
                if (p.nextToken() != null) {
                    problems.add(new ReadProblem(new SourcePosition(file, lineNo + ":"
                            + p.currentTokenLocation().getColumnNr()), "JSON_SYNTAX", "not valid JSON: more content "
                                    + "after the submission; JSON Lines has one submission per line"));
                    continue;
                }
                convert(file, String.valueOf(lineNo), value, v.outOfRange, out, problems);
            } catch (JsonProcessingException e) {
                problems.add(syntax(file, e, lineNo));
            }
        }
        // An empty file is almost always a failed export or the wrong file; "0 imported" would hide that.
        if (!any) {
            problems.add(new ReadProblem(new SourcePosition(file, "1"), "JSON_EMPTY",
                    "the file is empty: it holds no submission lines"));
        }
    }

    private void readJson(String file, InputStream in, List<ImportedSubmission> out, List<ReadProblem> problems)
            throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(new Utf8Reader(in))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new ReadProblem(new SourcePosition(file, "1"), "JSON_EMPTY", "the file is empty"));
                return;
            }
            if (first == JsonToken.START_OBJECT) {
                String at = String.valueOf(p.currentTokenLocation().getLineNr());
                Values v = new Values(file, 0, problems);
                Object value = v.read(p, "");
                convert(file, at, value, v.outOfRange, out, problems);
                if (p.nextToken() != null) {
                    problems.add(new ReadProblem(new SourcePosition(file, location(p.currentTokenLocation())),
                            "JSON_TRAILING", "more content after the submission; use a JSON array or JSON Lines "
                                    + "(.jsonl) for several submissions"));
                }
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(new ReadProblem(new SourcePosition(file, location(p.currentTokenLocation())),
                        "JSON_SHAPE", "expected a submission object or an array of them"));
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problems.add(new ReadProblem(new SourcePosition(file, location(p.currentLocation())),
                            "JSON_SYNTAX", "the array is not closed"));
                    return;
                }
                String at = String.valueOf(p.currentTokenLocation().getLineNr());
                Values v = new Values(file, 0, problems);
                Object value = v.read(p, "");
                convert(file, at, value, v.outOfRange, out, problems);
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(file, e, 0));
        }
    }

    private static String location(JsonLocation loc) {
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static ReadProblem syntax(String file, JsonProcessingException e, int lineNo) {
        JsonLocation loc = e.getLocation();
        String where = lineNo > 0 ? lineNo + ":" + (loc == null ? 1 : loc.getColumnNr())
                : loc == null ? "" : location(loc);
        return new ReadProblem(new SourcePosition(file, where), "JSON_SYNTAX",
                "not valid JSON: " + e.getOriginalMessage());
    }

    /**
     * Reads one JSON value into plain submission values (objects to ordered maps, arrays to lists, integers to
     * {@code Long} or, beyond a long, {@code BigDecimal}, decimals to {@code BigDecimal} as written), checking every
     * number against the ceiling where it stands. Jackson's own limits bound the text (1000 digits, nesting depth).
     */
    private static final class Values {
        private final String file;
        private final int lineNo;
        private final List<ReadProblem> problems;
        boolean outOfRange;

        /** @param lineNo the line of a JSON Lines record (its parser counts from 1), or 0 to use the parser's line */
        Values(String file, int lineNo, List<ReadProblem> problems) {
            this.file = file;
            this.lineNo = lineNo;
            this.problems = problems;
        }

        Object read(JsonParser p, String path) throws IOException {
            JsonToken t = p.currentToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
            }
            switch (t) {
                case START_OBJECT: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        m.put(key, read(p, path.isEmpty() ? key : path + "." + key));
                    }
                    return m;
                }
                case START_ARRAY: {
                    List<Object> l = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        l.add(read(p, path + "[" + l.size() + "]"));
                    }
                    return l;
                }
                case VALUE_NUMBER_INT: {
                    JsonParser.NumberType type = p.getNumberType();
                    Object n = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG
                            ? (Object) p.getLongValue() : new BigDecimal(p.getBigIntegerValue());
                    return bounded(p, path, n);
                }
                case VALUE_NUMBER_FLOAT:
                    return bounded(p, path, p.getDecimalValue());
                case VALUE_STRING:
                    return p.getText();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
            }
        }

        private Object bounded(JsonParser p, String path, Object n) {
            NumberBounds.Check c = NumberBounds.CEILING.check(n);
            if (c == NumberBounds.Check.IN_RANGE) {
                return n;
            }
            JsonLocation loc = p.currentTokenLocation();
            String where = (lineNo > 0 ? lineNo : loc.getLineNr()) + ":" + loc.getColumnNr();
            NumberBounds b = NumberBounds.CEILING;
            problems.add(new ReadProblem(new SourcePosition(file, where), NumberRanges.CODE, path + ": "
                    + NumberRanges.show(n) + " is beyond what any field accepts (" + b.min().toPlainString() + " to "
                    + b.max().toPlainString() + ", at most " + b.decimals() + " decimals)"));
            outOfRange = true;
            return null;
        }
    }

    private void convert(String file, String line, Object value, boolean outOfRange, List<ImportedSubmission> out,
            List<ReadProblem> problems) {
        SourcePosition pos = new SourcePosition(file, line);
        if (!(value instanceof Map<?, ?> node)) {
            problems.add(new ReadProblem(pos, "JSON_SHAPE", "a submission must be a JSON object"));
            return;
        }
        List<String> wrong = new ArrayList<>();
        for (Object k : node.keySet()) {
            if (!KEYS.contains(k)) {
                wrong.add("unknown property '" + k + "' (allowed: formVersion, orgUnit, scheme, values, year)");
            }
        }
        Object scheme = node.get("scheme");
        if (!(scheme instanceof String sc) || sc.isBlank()) {
            wrong.add("'scheme' must be the scheme id as text");
        }
        Object year = node.get("year");
        if (!(year instanceof Long y) || y != y.intValue()) {
            wrong.add("'year' must be the reporting year as a whole number");
        }
        Object org = node.get("orgUnit");
        if (!(org instanceof String o) || o.isBlank()) {
            wrong.add("'orgUnit' must be the municipality or district number as text (keep leading zeros, e.g. "
                    + "\"0301\")");
        }
        Object version = node.get("formVersion");
        if (version != null && !(version instanceof String)) {
            wrong.add("'formVersion' must be text, e.g. \"2008\"");
        }
        Object values = node.get("values");
        if (!(values instanceof Map<?, ?>)) {
            wrong.add("'values' must be an object with the answers by field id");
        }
        if (!wrong.isEmpty()) {
            for (String w : wrong) {
                problems.add(new ReadProblem(pos, "SUBMISSION_SHAPE", w));
            }
            return;
        }
        if (outOfRange) {
            // Reported where the number stands; a submission with a number beyond any bound goes no further.
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vals = (Map<String, Object>) values;
        Optional<String> v = Optional.ofNullable((String) version);
        Submission s = new Submission((String) scheme, ((Long) year).intValue(), (String) org, v, vals);
        out.add(new ImportedSubmission(s, pos, Map.of()));
    }
}
