package no.tilskudd.engine.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.registry.Contributions.Contributor;
import no.tilskudd.engine.internal.registry.Contributions.Standing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a validator or indicator applies to the schemes its bundle owns, and to another bundle's scheme only when
 * it declares the scheme as an extension and an administrator approved it; neither alone is enough.
 */
class ContributionsTest {

    private static final Origin AVDIR = new Origin("no.tilskudd.scheme.avdir", "1.0.0");

    @TempDir
    Path dir;

    private final SchemeCatalog catalog = new SchemeCatalog();
    private final Set<String> approvals = new HashSet<>();
    private final Contributions rules = new Contributions(catalog, (scheme, bsn) -> approvals.contains(scheme + " "
            + bsn));

    @BeforeEach
    void installAvdir() {
        TestSchemes.write(dir.resolve("avdir"), Map.of("scheme.json", TestSchemes.descriptor("avdir", "AVdir",
                "form.json"), "form.json", "{ \"scheme\": \"avdir\", \"version\": \"1\", \"years\": { \"from\": 2006, "
                + "\"to\": 2010 }, \"title\": \"T\", \"sections\": [ { \"id\": \"s\", \"title\": \"S\", \"fields\": [ "
                + "{ \"id\": \"count\", \"type\": \"integer\", \"label\": \"C\" } ] } ] }"));
        URL url = TestSchemes.url(dir.resolve("avdir"), "scheme.json");
        catalog.add("avdir", () -> url, AVDIR);
        assertTrue(catalog.scheme("avdir").isPresent(), catalog.problems().toString());
    }

    @Test
    void theOwnersContributionsApply() {
        assertEquals(Standing.OWN, rules.standing(new Contributor(AVDIR.name(), "2.0.0", Set.of()), "avdir"));
    }

    @Test
    void anotherBundlesContributionNeedsTheDeclarationAndTheApproval() {
        Contributor stray = new Contributor("test.stray", "1.0.0", Set.of());
        Contributor declared = new Contributor("test.checks", "1.0.0", Contributions.parse("avdir, bufdir;x=1"));
        assertEquals(Set.of("avdir", "bufdir"), declared.extensions());
        assertEquals(Standing.NOT_DECLARED, rules.standing(stray, "avdir"));
        assertEquals(Standing.UNAPPROVED_EXTENSION, rules.standing(declared, "avdir"));
        approvals.add("avdir test.stray");
        assertFalse(rules.applies(stray, "avdir"), "an approval without the declaration is not enough");
        approvals.add("avdir test.checks");
        assertEquals(Standing.APPROVED_EXTENSION, rules.standing(declared, "avdir"));
        assertEquals(Standing.NO_SCHEME, rules.standing(declared, "bufdir"), "bufdir is not installed");
    }

    @Test
    void aRefusalNamesTheBundleTheOwnerAndWhatToDo() {
        Contributor stray = new Contributor("test.stray", "1.0.0", Set.of());
        assertEquals(Optional.of("test.stray 1.0.0: validator x.Y for scheme 'avdir' is not applied: the scheme "
                + "belongs to no.tilskudd.scheme.avdir; test.stray does not declare it as an extension "
                + "(Tilskudd-Extends: avdir)"), rules.refusal(stray, "validator", "x.Y", "avdir"));
        Contributor declared = new Contributor("test.checks", "1.0.0", Set.of("avdir"));
        assertTrue(rules.refusal(declared, "indicator", "'i'", "avdir").orElseThrow()
                .endsWith("(tilskudd deploy --allow-extension avdir FILE)"));
        assertEquals(List.of(), rules.refusals(new Contributor(AVDIR.name(), "1.0.0", Set.of()), "indicator", "'i'",
                Set.of("avdir", "bufdir")), "the owner's, and a scheme that is not installed, are no refusals");
    }

    @Test
    void withoutTheRecordOfApprovalsNothingIsApproved() {
        Contributions broken = new Contributions(catalog, (scheme, bsn) -> {
            throw new IllegalStateException("store down");
        });
        assertEquals(Standing.UNAPPROVED_EXTENSION, broken.standing(new Contributor("test.checks", "1.0.0",
                Set.of("avdir")), "avdir"));
    }
}
