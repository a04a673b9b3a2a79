package no.tilskudd.engine.internal.declared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.engine.internal.forms.DefinitionException;

/**
 * The standard indicator definitions built into the engine (resources {@value #FOLDER}), read once and checked
 * against the common fields ({@link Vocabulary#STANDARD}); a broken one fails the engine's own build, not a user.
 */
public final class StandardDefinitions {

    /** Where the definitions are, one file per id. */
    public static final String FOLDER = "/no/tilskudd/engine/internal/standard/definitions/";

    /** The standard ids, in the order a descriptor's error message lists them. */
    public static final List<String> IDS = List.of("goal-achievement", "national-goals", "continuation",
            "units-by-region", "measures-by-category", "measure-budget-size", "partners", "participants");

    private static final Map<String, IndicatorDefinition> ALL = load();

    private StandardDefinitions() {
    }

    /**
     * A standard definition.
     *
     * @param id the id
     * @return the definition, if the id is a standard one
     */
    public static Optional<IndicatorDefinition> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    private static Map<String, IndicatorDefinition> load() {
        Map<String, IndicatorDefinition> out = new LinkedHashMap<>();
        for (String id : IDS) {
            String file = id + ".json";
            try (InputStream in = StandardDefinitions.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("standard indicator definition " + file + " is missing");
                }
                IndicatorDefinition d = DefinitionFile.read(file, in, Vocabulary.STANDARD);
                if (!d.id().equals(id)) {
                    throw new IllegalStateException(file + ": has id '" + d.id() + "'");
                }
                out.put(id, d);
            } catch (DefinitionException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
