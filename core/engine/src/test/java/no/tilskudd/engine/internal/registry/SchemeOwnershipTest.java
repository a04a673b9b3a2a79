package no.tilskudd.engine.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SchemeOwners;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme id belongs to one bundle: the catalog uses only the recorded owner's scheme, whatever the order the
 * bundles arrive in (the order of their file names in deploy/), records a first owner, gives an id that two new
 * bundles declare at once to neither, and follows a transfer.
 */
class SchemeOwnershipTest {

    private static final Origin REAL = new Origin("no.tilskudd.scheme.avdir", "1.0.0");
    private static final Origin IMPOSTOR = new Origin("test.impostor", "9.0.0");

    @TempDir
    Path dir;

    final Record record = new Record();
    final SchemeCatalog catalog = new SchemeCatalog();

    /** The store's record, in memory. */
    static final class Record implements SchemeOwners {
        final Map<String, SchemeOwner> owners = new TreeMap<>();
        final List<String> claims = new ArrayList<>();

        @Override
        public List<SchemeOwner> owners() {
            return List.copyOf(owners.values());
        }

        @Override
        public Optional<SchemeOwner> owner(String schemeId) {
            return Optional.ofNullable(owners.get(schemeId));
        }

        @Override
        public synchronized SchemeOwner claim(SchemeOwner owner) {
            claims.add(owner.schemeId() + " " + owner.symbolicName());
            return owners.computeIfAbsent(owner.schemeId(), k -> owner);
        }

        @Override
        public Optional<SchemeOwner> transfer(SchemeOwner owner) {
            return Optional.ofNullable(owners.put(owner.schemeId(), owner));
        }
    }

    private static SchemeOwner owner(String id, String bsn, SchemeOwner.How how) {
        return new SchemeOwner(id, bsn, Optional.empty(), how, "distribution", Instant.EPOCH);
    }

    private static final String FORM = "{ \"scheme\": \"%s\", \"version\": \"1\", \"years\": { \"from\": 2006, "
            + "\"to\": 2010 }, \"title\": \"T\", \"sections\": [ { \"id\": \"s\", \"title\": \"S\", \"fields\": [ "
            + "{ \"id\": \"count\", \"type\": \"integer\", \"label\": \"C\" } ] } ] }";

    private SchemeDefinition plugin(String folder, String id, String name) {
        TestSchemes.write(dir.resolve(folder), Map.of("scheme.json",
                TestSchemes.descriptor(id, name, "form.json"), "form.json", FORM.formatted(id)));
        URL url = TestSchemes.url(dir.resolve(folder), "scheme.json");
        return () -> url;
    }

    @BeforeEach
    void seed() {
        record.owners.put("avdir", owner("avdir", REAL.name(), SchemeOwner.How.SEEDED));
        catalog.useOwners(record);
    }

    private String usedName(String id) {
        return catalog.scheme(id).orElseThrow(() -> new AssertionError(id + " not used; problems: "
                + catalog.problems())).name().nb();
    }

    @Test
    void theSeededOwnerWinsWhenTheImpostorArrivesFirst() {
        catalog.add("impostor", plugin("a-impostor", "avdir", "Falsk"), IMPOSTOR);
        assertEquals(Optional.empty(), catalog.scheme("avdir"), "an impostor alone is not used either");
        catalog.add("real", plugin("z-real", "avdir", "AVdir"), REAL);
        assertEquals("AVdir", usedName("avdir"));
        assertEquals(REAL, catalog.scheme("avdir").orElseThrow().origin());
        assertEquals(1, catalog.problems().size(), catalog.problems().toString());
        String problem = catalog.problems().get(0);
        assertTrue(problem.startsWith("test.impostor 9.0.0: scheme id 'avdir' belongs to no.tilskudd.scheme.avdir "
                + "(shipped with the distribution); test.impostor is refused until an administrator transfers it "
                + "(tilskudd schemes transfer avdir --to test.impostor)"), problem);
    }

    @Test
    void theSeededOwnerWinsWhenItArrivesFirstAndTheImpostorDoesNotTakeOverWhenItLeaves() {
        catalog.add("real", plugin("a-real", "avdir", "AVdir"), REAL);
        catalog.add("impostor", plugin("z-impostor", "avdir", "Falsk"), IMPOSTOR);
        assertEquals("AVdir", usedName("avdir"));
        catalog.remove("real");
        assertEquals(Optional.empty(), catalog.scheme("avdir"));
        assertTrue(catalog.problems().get(0).contains("belongs to no.tilskudd.scheme.avdir"), catalog.problems()
                .toString());
        assertEquals(List.of(), record.claims, "a bound id is never claimed again");
    }

    @Test
    void theFirstOwnerOfANewIdIsRecordedAndAnotherBundleIsRefusedAfterwards() {
        Origin first = new Origin("org.example.youthclubs", "1.0.0");
        catalog.add("first", plugin("first", "youth-clubs", "Klubber"), first);
        assertEquals("Klubber", usedName("youth-clubs"));
        assertEquals(SchemeOwner.How.FIRST, record.owners.get("youth-clubs").how());
        assertEquals("org.example.youthclubs", record.owners.get("youth-clubs").symbolicName());

        catalog.add("second", plugin("second", "youth-clubs", "Andre"), new Origin("org.example.other", "1.0.0"));
        assertEquals("Klubber", usedName("youth-clubs"));
        assertTrue(catalog.problems().get(0).startsWith("org.example.other 1.0.0: scheme id 'youth-clubs' belongs "
                + "to org.example.youthclubs (its first owner, recorded "), catalog.problems().toString());

        // After a restart (a new catalog on the same record) the other bundle loses even when it arrives first.
        SchemeCatalog restarted = new SchemeCatalog();
        restarted.useOwners(record);
        restarted.add("second", plugin("second2", "youth-clubs", "Andre"), new Origin("org.example.other", "1.0.0"));
        assertEquals(Optional.empty(), restarted.scheme("youth-clubs"));
        restarted.add("first", plugin("first2", "youth-clubs", "Klubber"), first);
        assertEquals("Klubber", restarted.scheme("youth-clubs").orElseThrow().name().nb());
    }

    @Test
    void twoNewBundlesDeclaringAnIdInOneStartGetNeitherAndBothAreNamed() {
        Origin a = new Origin("org.example.a", "1.0.0");
        Origin b = new Origin("org.example.b", "2.0.0");
        // Both installed (as the launcher and FileInstall install a start's jars before starting them) ...
        catalog.expect("bundle-a", a, "clubs");
        catalog.expect("bundle-b", b, "clubs");
        // ... then one starts first.
        catalog.add("a", plugin("a", "clubs", "A"), a);
        assertEquals(Optional.empty(), catalog.scheme("clubs"));
        catalog.add("b", plugin("b", "clubs", "B"), b);
        assertEquals(Optional.empty(), catalog.scheme("clubs"));
        assertEquals(List.of("scheme id 'clubs' is declared by org.example.a 1.0.0 and org.example.b 2.0.0 and has "
                + "no owner yet: neither is used until an administrator picks one (tilskudd schemes transfer clubs "
                + "--to SYMBOLIC-NAME)"), catalog.problems());
        assertEquals(List.of(), record.claims, "nothing is recorded");

        // The administrator picks b.
        record.transfer(new SchemeOwner("clubs", "org.example.b", Optional.empty(), SchemeOwner.How.TRANSFERRED,
                "kari", Instant.now()));
        catalog.refresh();
        assertEquals("B", usedName("clubs"));
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).startsWith("org.example.a 1.0.0: scheme id 'clubs' belongs to "
                + "org.example.b (given to it by kari "), catalog.problems().toString());
    }

    @Test
    void aBundleExpectedAloneIsRecordedWhenItStarts() {
        Origin a = new Origin("org.example.a", "1.0.0");
        catalog.expect("bundle-a", a, "clubs");
        catalog.add("a", plugin("a", "clubs", "A"), a);
        assertEquals("A", usedName("clubs"));
        assertEquals(List.of("clubs org.example.a"), record.claims);
    }

    @Test
    void aTransferGivesTheIdToTheOtherBundle() {
        catalog.add("real", plugin("real", "avdir", "AVdir"), REAL);
        catalog.add("impostor", plugin("impostor", "avdir", "Falsk"), IMPOSTOR);
        record.transfer(new SchemeOwner("avdir", IMPOSTOR.name(), Optional.empty(), SchemeOwner.How.TRANSFERRED,
                "kari", Instant.now()));
        catalog.refresh();
        assertEquals("Falsk", usedName("avdir"));
        assertTrue(catalog.problems().get(0).startsWith("no.tilskudd.scheme.avdir 1.0.0: scheme id 'avdir' "
                + "belongs to test.impostor (given to it by kari "), catalog.problems().toString());
    }

    @Test
    void aSignedOwnerIsNotABundleOfTheSameNameWithoutItsSignature() {
        record.owners.put("avdir", new SchemeOwner("avdir", REAL.name(), Optional.of("CN=Tilskudd"),
                SchemeOwner.How.SEEDED, "distribution", Instant.EPOCH));
        catalog.refresh();
        catalog.add("copy", plugin("copy", "avdir", "Kopi"), REAL);
        assertEquals(Optional.empty(), catalog.scheme("avdir"), "a copied symbolic name is not the signed owner");
        assertTrue(catalog.problems().get(0).contains("belongs to no.tilskudd.scheme.avdir (signed by CN=Tilskudd)"),
                catalog.problems().toString());
    }

    /** The framework's gate asks before a bundle resolves: the same record and rule hold a non-owner, not the owner. */
    @Test
    void aBundleDeclaringAnIdRecordedForAnotherIsHeldAndTheOwnerIsNot() {
        SchemeCatalog unrecorded = new SchemeCatalog();
        assertEquals(Optional.empty(), unrecorded.held(IMPOSTOR, Optional.empty(), "avdir"), "no record: nothing held");
        assertEquals(Optional.empty(), catalog.held(IMPOSTOR, Optional.empty(), "new-id"),
                "an id without an owner is the registry's to decide when the scheme arrives");
        assertEquals(Optional.empty(), catalog.held(REAL, Optional.empty(), "avdir"));
        assertEquals(Optional.of("test.impostor 9.0.0: scheme id 'avdir' belongs to no.tilskudd.scheme.avdir (shipped "
                + "with the distribution); test.impostor is refused until an administrator transfers it (tilskudd "
                + "schemes transfer avdir --to test.impostor); held unresolved (installed, not started) until then"),
                catalog.held(IMPOSTOR, Optional.empty(), "avdir"));
        record.owners.put("avdir", new SchemeOwner("avdir", REAL.name(), Optional.of("AB:CD"), SchemeOwner.How.SEEDED,
                "distribution", Instant.EPOCH));
        assertTrue(catalog.held(REAL, Optional.empty(), "avdir").orElseThrow().contains("this jar is not signed by a "
                + "trusted key"), "a copied symbolic name without the recorded signer is held");
        assertEquals(Optional.empty(), catalog.held(REAL, Optional.of("AB:CD"), "avdir"));
        record.owners.put("avdir", owner("avdir", IMPOSTOR.name(), SchemeOwner.How.TRANSFERRED));
        assertEquals(Optional.empty(), catalog.held(IMPOSTOR, Optional.empty(), "avdir"), "released by a transfer");
    }
}
