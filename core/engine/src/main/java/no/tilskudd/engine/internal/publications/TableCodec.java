package no.tilskudd.engine.internal.publications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.engine.internal.json.Json;

/**
 * Tables as JSON and back, exactly: every cell keeps its Java type (a whole number stays whole, a decimal keeps its
 * scale), so that a frozen edition is exported again as it was. The format is the engine's own, kept in the store;
 * nothing else reads it.
 */
final class TableCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TableCodec() {
    }

    static String write(List<Table> tables) {
        ArrayNode out = F.arrayNode();
        for (Table t : tables) {
            ObjectNode o = out.addObject();
            o.put("id", t.id());
            o.set("title", text(t.title()));
            ArrayNode cols = o.putArray("columns");
            for (Table.Column c : t.columns()) {
                cols.addObject().put("id", c.id()).put("kind", c.kind().name()).set("label", text(c.label()));
            }
            ArrayNode rows = o.putArray("rows");
            for (Table.Row r : t.rows()) {
                ObjectNode row = rows.addObject().put("kind", r.kind().name());
                ArrayNode cells = row.putArray("cells");
                r.cells().forEach(v -> cells.add(cell(v)));
            }
            t.n().ifPresent(n -> {
                ObjectNode c = o.putObject("n").put("value", n.value());
                n.counted().ifPresent(x -> c.set("counted", text(x)));
            });
            ArrayNode notes = o.putArray("notes");
            t.notes().forEach(n -> notes.addObject().put("kind", n.kind().name()).set("text", text(n.text())));
            t.chart().ifPresent(c -> o.put("chart", c.name()));
            t.suppression().ifPresent(s -> o.put("suppression", s.threshold()));
        }
        try {
            return Json.MAPPER.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException("tables cannot be written as JSON: " + e, e);
        }
    }

    static List<Table> read(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the frozen figures are not the engine's JSON: " + e.getMessage(), e);
        }
        List<Table> out = new ArrayList<>();
        for (JsonNode o : root) {
            List<Table.Column> columns = new ArrayList<>();
            for (JsonNode c : o.get("columns")) {
                columns.add(new Table.Column(c.get("id").asText(), text(c.get("label")),
                        ValueKind.valueOf(c.get("kind").asText())));
            }
            List<Table.Row> rows = new ArrayList<>();
            for (JsonNode r : o.get("rows")) {
                List<Object> cells = new ArrayList<>();
                r.get("cells").forEach(c -> cells.add(cell(c)));
                rows.add(new Table.Row(Table.RowKind.valueOf(r.get("kind").asText()), cells));
            }
            Optional<Table.Count> n = o.has("n") ? Optional.of(new Table.Count(o.get("n").get("value").asLong(),
                    o.get("n").has("counted") ? Optional.of(text(o.get("n").get("counted"))) : Optional.empty()))
                    : Optional.empty();
            List<Table.Note> notes = new ArrayList<>();
            for (JsonNode x : o.get("notes")) {
                notes.add(new Table.Note(Table.NoteKind.valueOf(x.get("kind").asText()), text(x.get("text"))));
            }
            out.add(new Table(o.get("id").asText(), text(o.get("title")), columns, rows, n, notes,
                    o.has("chart") ? Optional.of(ChartType.valueOf(o.get("chart").asText())) : Optional.empty(),
                    o.has("suppression") ? Optional.of(new Table.Suppression(o.get("suppression").asInt()))
                            : Optional.empty()));
        }
        return out;
    }

    private static ObjectNode text(LocalizedText t) {
        ObjectNode o = F.objectNode().put("nb", t.nb());
        if (t.en() != null) {
            o.put("en", t.en());
        }
        if (t.nn() != null) {
            o.put("nn", t.nn());
        }
        return o;
    }

    private static LocalizedText text(JsonNode n) {
        // "nn" came with nynorsk; editions frozen before it have none
        return new LocalizedText(n.get("nb").asText(), n.has("en") ? n.get("en").asText() : null,
                n.has("nn") ? n.get("nn").asText() : null);
    }

    private static JsonNode cell(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof String s) {
            return F.objectNode().put("s", s);
        }
        if (v instanceof LocalizedText t) {
            return F.objectNode().set("t", text(t));
        }
        if (v instanceof Table.Suppressed s) {
            return F.objectNode().put("hidden", s.reason().name());
        }
        if (v instanceof Integer i) {
            return F.objectNode().put("i", i);
        }
        if (v instanceof Long l) {
            return F.objectNode().put("l", l);
        }
        if (v instanceof Double d) {
            return F.objectNode().put("d", Double.toString(d));
        }
        if (v instanceof BigDecimal b) {
            return F.objectNode().put("b", b.toString());
        }
        if (v instanceof BigInteger b) {
            return F.objectNode().put("bi", b.toString());
        }
        if (v instanceof Number n) {
            return F.objectNode().put("d", Double.toString(n.doubleValue()));
        }
        throw new IllegalArgumentException("a cell of type " + v.getClass().getName() + " cannot be frozen");
    }

    private static Object cell(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.has("s")) {
            return c.get("s").asText();
        }
        if (c.has("t")) {
            return text(c.get("t"));
        }
        if (c.has("hidden")) {
            return new Table.Suppressed(Table.Suppressed.Reason.valueOf(c.get("hidden").asText()));
        }
        if (c.has("i")) {
            return c.get("i").asInt();
        }
        if (c.has("l")) {
            return c.get("l").asLong();
        }
        if (c.has("d")) {
            return Double.valueOf(c.get("d").asText());
        }
        if (c.has("b")) {
            return new BigDecimal(c.get("b").asText());
        }
        if (c.has("bi")) {
            return new BigInteger(c.get("bi").asText());
        }
        throw new IllegalStateException("unknown frozen cell " + c);
    }
}
