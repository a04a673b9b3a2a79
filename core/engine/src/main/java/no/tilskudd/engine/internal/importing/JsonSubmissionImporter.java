package no.tilskudd.engine.internal.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.engine.internal.json.Json;

/**
 * Reads the submission interchange format ({@code docs/submission-format.md}): a {@code .json} file holding one
 * submission object or an array of them, or a {@code .jsonl}/{@code .ndjson} file with one submission per line.
 * Every problem carries the line (and column, for syntax errors), and a bad line does not hide the problems of the
 * lines after it.
 */
public final class JsonSubmissionImporter implements SubmissionImporter {

    private static final Set<String> KEYS = Set.of("scheme", "year", "orgUnit", "formVersion", "values");

    /**
     * Reads one value from a parser that is positioned inside a larger document (an array element, or an object
     * that may be followed by content this class reports itself), so the value must not be the last token.
     */
    private static final ObjectReader VALUE_READER = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        if (n.endsWith(".json")) {
            readJson(fileName, in, out, problems);
        } else {
            readLines(fileName, in, out, problems);
        }
        return new ReadResult(out, problems);
    }

    private void readLines(String file, InputStream in, List<ImportedSubmission> out, List<ReadProblem> problems)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                convert(file, String.valueOf(lineNo), node, out, problems);
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
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new ReadProblem(new SourcePosition(file, "1"), "JSON_EMPTY", "the file is empty"));
                return;
            }
            if (first == JsonToken.START_OBJECT) {
                String at = String.valueOf(p.currentTokenLocation().getLineNr());
                JsonNode node = VALUE_READER.readTree(p);
                convert(file, at, node, out, problems);
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
                JsonNode node = VALUE_READER.readTree(p);
                convert(file, at, node, out, problems);
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

    private void convert(String file, String line, JsonNode node, List<ImportedSubmission> out,
            List<ReadProblem> problems) {
        SourcePosition pos = new SourcePosition(file, line);
        if (node == null || !node.isObject()) {
            problems.add(new ReadProblem(pos, "JSON_SHAPE", "a submission must be a JSON object"));
            return;
        }
        List<String> wrong = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!KEYS.contains(k)) {
                wrong.add("unknown property '" + k + "' (allowed: formVersion, orgUnit, scheme, values, year)");
            }
        }
        JsonNode scheme = node.get("scheme");
        if (scheme == null || !scheme.isTextual() || scheme.asText().isBlank()) {
            wrong.add("'scheme' must be the scheme id as text");
        }
        JsonNode year = node.get("year");
        if (year == null || !year.isIntegralNumber() || !year.canConvertToInt()) {
            wrong.add("'year' must be the reporting year as a whole number");
        }
        JsonNode org = node.get("orgUnit");
        if (org == null || !org.isTextual() || org.asText().isBlank()) {
            wrong.add("'orgUnit' must be the municipality or district number as text (keep leading zeros, e.g. "
                    + "\"0301\")");
        }
        JsonNode version = node.get("formVersion");
        if (version != null && !version.isNull() && !version.isTextual()) {
            wrong.add("'formVersion' must be text, e.g. \"2008\"");
        }
        JsonNode values = node.get("values");
        if (values == null || !values.isObject()) {
            wrong.add("'values' must be an object with the answers by field id");
        }
        if (!wrong.isEmpty()) {
            for (String w : wrong) {
                problems.add(new ReadProblem(pos, "SUBMISSION_SHAPE", w));
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vals = (Map<String, Object>) Json.toJava(values);
        Optional<String> v = version == null || version.isNull() ? Optional.empty() : Optional.of(version.asText());
        Submission s = new Submission(scheme.asText(), year.intValue(), org.asText(), v, vals);
        out.add(new ImportedSubmission(s, pos, Map.of()));
    }
}
