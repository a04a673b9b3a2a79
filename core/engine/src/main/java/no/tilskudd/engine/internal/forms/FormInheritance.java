package no.tilskudd.engine.internal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.engine.internal.forms.DefinitionReader.Node;

/**
 * Form versions derived from an earlier version of the same scheme ({@code "extends": "2007"} plus the changes), so
 * that a year's form is written once. The rules are those of {@code docs/form-definition.md}, "Deriving a form":
 * the changes are applied to a copy of the base's JSON, and the result is read and checked like a form written out in
 * full.
 *
 * <ol>
 *   <li>{@code scheme}, {@code version}, {@code years} and {@code title} replace the base's; {@code version} and
 *       {@code years} must be given (two forms of a scheme can share neither).</li>
 *   <li>{@code "remove": [ids]} takes out sections (by id), fields of a section (by id) and rules (by code), each of
 *       which must name exactly one thing of the base.</li>
 *   <li>{@code sections} are merged by id: a known id may replace the title and merges its {@code fields}; a new id is
 *       a new section, appended or placed with {@code "after": "<section id>"}.</li>
 *   <li>{@code fields} of a known section are merged by id: a known id replaces the whole field in place (its code
 *       list and, for a group, its row fields with it); a new id is appended to the section or placed with
 *       {@code "after": "<field id>"}.</li>
 *   <li>{@code rules} are merged by code and scope: a known one is replaced in place, a new one appended.</li>
 * </ol>
 */
final class FormInheritance {

    /** The property that names the base version. */
    static final String EXTENDS = "extends";

    private static final String REMOVE = "remove";
    private static final String AFTER = "after";
    private static final Set<String> DERIVED_KEYS = Set.of("$schema", "formatVersion", "scheme", "version", "years",
            "title", EXTENDS, REMOVE, "sections", "rules", DefinitionReader.REVISES);
    private static final Set<String> REPLACED = Set.of("formatVersion", "scheme", "version", "years", "title");

    private FormInheritance() {
    }

    /**
     * Resolves the forms of one scheme.
     *
     * @param forms the parsed form files, in the descriptor's order
     * @return the same forms, each derived one replaced by its base with its changes applied (same order)
     * @throws DefinitionException naming the derived file and the JSON pointer of what cannot be applied
     */
    static List<Node> resolve(List<Node> forms) throws DefinitionException {
        Map<String, Integer> byVersion = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            JsonNode v = forms.get(i).json().get("version");
            if (v != null && v.isTextual()) {
                // A version listed twice is refused when the forms are read; the first one is the base here.
                byVersion.putIfAbsent(v.asText(), i);
            }
        }
        Node[] done = new Node[forms.size()];
        for (int i = 0; i < forms.size(); i++) {
            resolve(i, forms, byVersion, done, new ArrayList<>());
        }
        return List.of(done);
    }

    private static Node resolve(int i, List<Node> forms, Map<String, Integer> byVersion, Node[] done,
            List<Integer> chain) throws DefinitionException {
        if (done[i] != null) {
            return done[i];
        }
        Node form = forms.get(i);
        if (!form.json().isObject() || !form.json().has(EXTENDS)) {
            done[i] = form;
            return form;
        }
        Node ext = form.child(EXTENDS);
        if (!ext.json().isTextual() || ext.json().asText().isBlank()) {
            throw ext.error("must be the version of another form of this scheme (text)");
        }
        String base = ext.json().asText();
        Integer b = byVersion.get(base);
        if (b == null) {
            throw ext.error("unknown form version '" + base + "' (this scheme's forms: "
                    + String.join(", ", byVersion.keySet().stream().sorted().toList()) + ")");
        }
        chain.add(i);
        if (chain.contains(b)) {
            List<String> cycle = new ArrayList<>();
            for (int c : chain.subList(chain.indexOf(b), chain.size())) {
                cycle.add(forms.get(c).file());
            }
            cycle.add(forms.get(b).file());
            throw ext.error("forms extend each other in a cycle: " + String.join(" -> ", cycle));
        }
        Node baseNode = resolve(b, forms, byVersion, done, chain);
        chain.remove(chain.size() - 1);
        ObjectNode merged = apply((ObjectNode) baseNode.json().deepCopy(), form, baseNode.file());
        Node out = new Node(form.file() + " (extending " + baseNode.file() + ")", "", merged);
        done[i] = out;
        return out;
    }

    private static ObjectNode apply(ObjectNode out, Node form, String baseFile) throws DefinitionException {
        form.onlyKeys(DERIVED_KEYS);
        form.required("version");
        form.required("years");
        out.remove("$schema");
        // A revision is a property of the form that says so, never inherited from the form it extends.
        out.remove(DefinitionReader.REVISES);
        if (form.has(DefinitionReader.REVISES)) {
            out.set(DefinitionReader.REVISES, form.json().get(DefinitionReader.REVISES).deepCopy());
        }
        for (String key : REPLACED) {
            if (form.has(key)) {
                out.set(key, form.json().get(key).deepCopy());
            }
        }
        if (form.has(REMOVE)) {
            Node list = form.array(REMOVE);
            for (int i = 0; i < list.json().size(); i++) {
                remove(out, list.index(i), baseFile);
            }
        }
        if (form.has("sections")) {
            Node list = form.array("sections");
            ArrayNode sections = array(out, "sections");
            for (int i = 0; i < list.json().size(); i++) {
                mergeSection(sections, list.index(i), baseFile);
            }
        }
        if (form.has("rules")) {
            Node list = form.array("rules");
            ArrayNode rules = array(out, "rules");
            for (int i = 0; i < list.json().size(); i++) {
                JsonNode rule = list.index(i).json();
                int at = indexOfRule(rules, rule);
                if (at >= 0) {
                    rules.set(at, rule.deepCopy());
                } else {
                    rules.add(rule.deepCopy());
                }
            }
        }
        return out;
    }

    private static void remove(ObjectNode out, Node entry, String baseFile) throws DefinitionException {
        if (!entry.json().isTextual()) {
            throw entry.error("must be the id of a section or field, or the code of a rule (text)");
        }
        String id = entry.json().asText();
        List<Runnable> matches = new ArrayList<>();
        ArrayNode sections = array(out, "sections");
        for (int s = 0; s < sections.size(); s++) {
            int si = s;
            if (id.equals(sections.get(s).path("id").asText(null))) {
                matches.add(() -> sections.remove(si));
            }
            JsonNode fields = sections.get(s).path("fields");
            for (int f = 0; f < fields.size(); f++) {
                int fi = f;
                if (id.equals(fields.get(f).path("id").asText(null))) {
                    matches.add(() -> ((ArrayNode) fields).remove(fi));
                }
            }
        }
        ArrayNode rules = array(out, "rules");
        for (int r = 0; r < rules.size(); r++) {
            int ri = r;
            if (id.equals(rules.get(r).path("code").asText(null))) {
                matches.add(() -> rules.remove(ri));
            }
        }
        if (matches.isEmpty()) {
            throw entry.error("'" + id + "' is not a section, field or rule code of " + baseFile);
        }
        if (matches.size() > 1) {
            throw entry.error("'" + id + "' names " + matches.size() + " things in " + baseFile
                    + " (sections, fields or rules); it must name one");
        }
        matches.get(0).run();
    }

    private static void mergeSection(ArrayNode sections, Node entry, String baseFile) throws DefinitionException {
        String id = entry.text("id");
        int at = indexOf(sections, "id", id);
        if (at >= 0) {
            entry.onlyKeys(Set.of("id", "title", "fields", AFTER));
        }
        if (at < 0) {
            ObjectNode added = (ObjectNode) entry.json().deepCopy();
            added.remove(AFTER);
            sections.insert(position(sections, entry, "section", baseFile), added);
            return;
        }
        if (entry.has(AFTER)) {
            throw entry.child(AFTER).error("'after' places a new section; section '" + id + "' is in " + baseFile
                    + " already (remove it and add it again to move it)");
        }
        ObjectNode section = (ObjectNode) sections.get(at);
        if (entry.has("title")) {
            section.set("title", entry.json().get("title").deepCopy());
        }
        if (entry.has("fields")) {
            Node list = entry.array("fields");
            ArrayNode fields = array(section, "fields");
            for (int i = 0; i < list.json().size(); i++) {
                mergeField(sections, id, fields, list.index(i), baseFile);
            }
        }
    }

    private static void mergeField(ArrayNode sections, String sectionId, ArrayNode fields, Node entry,
            String baseFile) throws DefinitionException {
        String id = entry.text("id");
        int at = indexOf(fields, "id", id);
        if (at >= 0) {
            if (entry.has(AFTER)) {
                throw entry.child(AFTER).error("'after' places a new field; field '" + id + "' is in section '"
                        + sectionId + "' of " + baseFile + " already and is replaced where it is");
            }
            fields.set(at, entry.json().deepCopy());
            return;
        }
        for (JsonNode s : sections) {
            if (!sectionId.equals(s.path("id").asText(null)) && indexOf(s.path("fields"), "id", id) >= 0) {
                throw entry.child("id").error("field '" + id + "' is in section '" + s.path("id").asText() + "' of "
                        + baseFile + "; to move it, list it in \"remove\" and add it here");
            }
        }
        ObjectNode added = (ObjectNode) entry.json().deepCopy();
        added.remove(AFTER);
        fields.insert(position(fields, entry, "field", baseFile), added);
    }

    /** Where a new section or field goes: after the one its {@code "after"} names, else at the end. */
    private static int position(ArrayNode list, Node entry, String what, String baseFile) throws DefinitionException {
        if (!entry.has(AFTER)) {
            return list.size();
        }
        String after = entry.text(AFTER);
        int at = indexOf(list, "id", after);
        if (at < 0) {
            throw entry.child(AFTER).error("there is no " + what + " '" + after + "' to place this after (in "
                    + baseFile + (what.equals("field") ? ", this section" : "") + ")");
        }
        return at + 1;
    }

    private static int indexOfRule(ArrayNode rules, JsonNode rule) {
        String code = rule.path("code").asText(null);
        String scope = rule.path("scope").asText("");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            if (code != null && code.equals(r.path("code").asText(null)) && scope.equals(r.path("scope").asText(""))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(JsonNode list, String key, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (value.equals(list.get(i).path(key).asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode array(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ArrayNode a) {
            return a;
        }
        // A base without the list (or with something else there) is refused when the result is read.
        return parent.putArray(key);
    }
}
