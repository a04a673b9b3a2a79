package no.tilskudd.plugins.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import org.junit.jupiter.api.Test;

/**
 * The scheme's forms, each written once and derived from the year before ({@code "extends"}), resolve to exactly the
 * forms that were written out in full for every year before derivation existed. The written-out copies are kept under
 * {@code src/test/resources/tilskudd/<id>/forms-written-out/} as the oracle: any change to the merge rules or to a
 * derived file that alters a resolved form fails here, field by field.
 */
public abstract class WrittenOutFormsTest {

    private final String schemeId;

    /**
     * Configures the comparison.
     *
     * @param schemeId the scheme id
     */
    protected WrittenOutFormsTest(String schemeId) {
        this.schemeId = schemeId;
    }

    @Test
    void everyResolvedFormEqualsTheFormWrittenOutInFull() throws IOException, DefinitionException {
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        assertEquals(List.of(), engine.schemes().problems());
        Scheme scheme = engine.schemes().scheme(schemeId).orElseThrow();
        Path dir = Path.of("src/test/resources/tilskudd", schemeId, "forms-written-out");
        List<String> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                FormDefinition written = DefinitionReader.readForm(file.toUri().toURL());
                versions.add(written.version());
                FormDefinition resolved = scheme.form(written.version()).orElseThrow(() -> new AssertionError(
                        "no form " + written.version() + " in " + scheme.formVersions()));
                assertEquals(written.title(), resolved.title(), written.version());
                assertEquals(written.sections().stream().map(s -> s.id()).toList(),
                        resolved.sections().stream().map(s -> s.id()).toList(), written.version());
                for (int i = 0; i < written.sections().size(); i++) {
                    assertEquals(written.sections().get(i), resolved.sections().get(i),
                            written.version() + " section " + written.sections().get(i).id());
                }
                assertEquals(written.rules(), resolved.rules(), written.version() + " rules");
                assertEquals(written, resolved, written.version());
            }
        }
        assertFalse(versions.isEmpty(), "no written-out forms in " + dir);
        assertEquals(versions, scheme.formVersions());
    }
}
