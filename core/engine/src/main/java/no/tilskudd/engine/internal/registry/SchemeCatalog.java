package no.tilskudd.engine.internal.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SchemeOwners;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import no.tilskudd.engine.internal.forms.SchemeData;

/**
 * The installed schemes, kept in step with the plugins that come and go.
 *
 * <p>With an ownership record ({@link #useOwners}) a scheme id belongs to one bundle, known by its symbolic name: only
 * the owner's scheme of the id is used, and every other bundle declaring it is a problem naming both, until an
 * administrator transfers the id. An id without an owner goes to the one bundle that declares it, and that bundle is
 * recorded as its owner; when two bundles declare it at once (their schemes, or bundles {@link #expect expected} to
 * bring one, e.g. installed in the same start), neither is used and both are named. Without a record (the engine on
 * a plain class path, for tests and tools), the first to arrive is used and the next takes over when it leaves.
 *
 * <p>A plugin whose descriptor or forms are broken is reported and left out; the others are not affected.
 */
public final class SchemeCatalog implements SchemeRegistry {

    private static final System.Logger LOG = System.getLogger("no.tilskudd.engine.schemes");

    /** The recorded owners, or null for first-come without a record. */
    private SchemeOwners owners;
    /** Bundles expected to declare a scheme id (installed, not yet started), by the caller's key. */
    private final Map<Object, Expected> expected = new LinkedHashMap<>();
    private Set<String> logged = Set.of();
    /**
     * The verified signer of a contribution, by its key, or null where signatures are not required: then no bundle
     * has a signer, and an owner recorded with one owns no bundle until it is transferred.
     */
    private java.util.function.Function<Object, Optional<String>> signers;

    /** A bundle that will declare a scheme id once it starts. */
    private record Expected(Origin origin, String schemeId) {
    }

    /** Contributions in arrival order, by the key the caller gave (a service reference or the provider object). */
    private final Map<Object, Scheme> contributions = new LinkedHashMap<>();
    /** Contributions that could not be read, by key: they are problems for as long as the plugin is there. */
    private final Map<Object, String> unreadable = new LinkedHashMap<>();
    /** Contributions that were read but are not used as written: problems for as long as the plugin is there. */
    private final Map<Object, String> notes = new LinkedHashMap<>();
    private volatile List<String> problems = List.of();
    private volatile Map<String, Scheme> active = Map.of();

    /**
     * Reads a contributed scheme and adds it.
     *
     * @param key        identifies the contribution for {@link #remove(Object)}
     * @param definition the plugin's scheme definition
     * @param origin     the plugin
     * @return the scheme, or empty if it could not be read
     */
    public Optional<Scheme> add(Object key, SchemeDefinition definition, Origin origin) {
        Optional<SchemeData> data = addDeclared(key, definition, origin);
        if (data.isPresent() && !SchemeBundles.isDeclared(definition)
                && (!data.get().indicators().isEmpty() || !data.get().validators().isEmpty())) {
            // Only the extender (and StandaloneEngine, by the same header) registers what a descriptor names; a
            // scheme registered from code would silently lack them, so say so.
            synchronized (this) {
                notes.put(key, origin + ": scheme '" + data.get().scheme().id() + "': the descriptor names standard "
                        + "indicators or rules, which are registered only for a scheme found by its "
                        + SchemeBundles.HEADER + " manifest header; give the bundle that header instead of a "
                        + "SchemeDefinition class");
                recompute();
            }
        }
        return data.map(SchemeData::scheme);
    }

    /**
     * Reads a contributed scheme and adds it, giving also the standard indicators and rules its descriptor names.
     *
     * @param key        identifies the contribution for {@link #remove(Object)}
     * @param definition the plugin's scheme definition
     * @param origin     the plugin
     * @return the scheme as declared, or empty if it could not be read
     */
    public Optional<SchemeData> addDeclared(Object key, SchemeDefinition definition, Origin origin) {
        SchemeData data;
        try {
            data = DefinitionReader.readDescriptor(definition.descriptor(), origin);
        } catch (DefinitionException | RuntimeException e) {
            synchronized (this) {
                unreadable.put(key, origin + ": scheme not loaded: " + e.getMessage());
                recompute();
            }
            return Optional.empty();
        }
        synchronized (this) {
            contributions.put(key, data.scheme());
            recompute();
        }
        return Optional.of(data);
    }

    /**
     * Removes a contribution.
     *
     * @param key the key given to {@link #add}
     */
    public synchronized void remove(Object key) {
        boolean changed = contributions.remove(key) != null;
        changed |= unreadable.remove(key) != null;
        changed |= notes.remove(key) != null;
        if (changed) {
            recompute();
        }
    }

    /**
     * Decides ownership from a record from now on (the store's), and decides again.
     *
     * @param record the recorded owners, or null to go back to first-come without a record
     */
    public synchronized void useOwners(SchemeOwners record) {
        this.owners = record;
        recompute();
    }

    /**
     * Notes a bundle that will declare a scheme id once it starts (it is installed): an id without an owner that two
     * bundles declare or are expected to declare at once goes to neither, whichever starts first.
     *
     * @param key      identifies the bundle for {@link #unexpect(Object)}
     * @param origin   the bundle
     * @param schemeId the id its descriptor declares
     */
    public synchronized void expect(Object key, Origin origin, String schemeId) {
        if (!new Expected(origin, schemeId).equals(expected.put(key, new Expected(origin, schemeId)))) {
            recompute();
        }
    }

    /**
     * Forgets an expected bundle (it was uninstalled).
     *
     * @param key the key given to {@link #expect}
     */
    public synchronized void unexpect(Object key) {
        if (expected.remove(key) != null) {
            recompute();
        }
    }

    /**
     * Knows owners by symbolic name and signer from now on (signed plugins are required), and decides again.
     *
     * @param signerOf the verified signer of a contribution, by the key given to {@link #add}; null to know owners by
     *                 symbolic name alone
     */
    public synchronized void useSigners(java.util.function.Function<Object, Optional<String>> signerOf) {
        this.signers = signerOf;
        recompute();
    }

    private Optional<String> signerOf(Object key) {
        return signers == null ? Optional.empty() : signers.apply(key);
    }

    /** Decides again, e.g. after the record changed (a transfer). */
    public synchronized void refresh() {
        recompute();
    }

    /** Which contribution of each id is used, by the ownership record where there is one; the rest are problems. */
    private void recompute() {
        Map<String, List<Map.Entry<Object, Scheme>>> byId = new LinkedHashMap<>();
        for (Map.Entry<Object, Scheme> c : contributions.entrySet()) {
            byId.computeIfAbsent(c.getValue().id(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Scheme> next = new LinkedHashMap<>();
        List<String> now = new ArrayList<>(unreadable.values());
        now.addAll(notes.values());
        Map<String, SchemeOwner> bound = new LinkedHashMap<>();
        boolean recorded = owners != null;
        if (recorded) {
            try {
                owners.owners().forEach(o -> bound.put(o.schemeId(), o));
            } catch (StoreException | IllegalStateException e) {
                recorded = false;
                now.add("scheme owners cannot be read (" + e.getMessage() + "); the first bundle of each scheme id "
                        + "is used until they can");
            }
        }
        for (Map.Entry<String, List<Map.Entry<Object, Scheme>>> e : byId.entrySet()) {
            String id = e.getKey();
            List<Map.Entry<Object, Scheme>> keyed = e.getValue();
            List<Scheme> claims = keyed.stream().map(Map.Entry::getValue).toList();
            SchemeOwner owner = bound.get(id);
            if (recorded && owner == null) {
                Set<String> claimants = new LinkedHashSet<>();
                claims.forEach(s -> claimants.add(s.origin().name()));
                List<String> named = new ArrayList<>(claims.stream().map(s -> s.origin().toString()).toList());
                for (Expected x : expected.values()) {
                    if (x.schemeId().equals(id) && claimants.add(x.origin().name())) {
                        named.add(x.origin().toString());
                    }
                }
                if (claimants.size() > 1) {
                    now.add("scheme id '" + id + "' is declared by " + String.join(" and ", named) + " and has no "
                            + "owner yet: neither is used until an administrator picks one (tilskudd schemes "
                            + "transfer " + id + " --to SYMBOLIC-NAME)");
                    continue;
                }
                try {
                    owner = owners.claim(new SchemeOwner(id, claims.get(0).origin().name(),
                            signerOf(keyed.get(0).getKey()), SchemeOwner.How.FIRST, "host", Instant.now()));
                } catch (StoreException | IllegalStateException ex) {
                    now.add("scheme id '" + id + "': its first owner " + claims.get(0).origin().name()
                            + " cannot be recorded (" + ex.getMessage() + "); not used until it can");
                    continue;
                }
            }
            Scheme used = null;
            for (Map.Entry<Object, Scheme> c : keyed) {
                Scheme s = c.getValue();
                Optional<String> signer = signerOf(c.getKey());
                // A recorded signer is asked for even where signatures are no longer required: switching them off
                // must not hand the scheme to a copied symbolic name (a transfer clears the signer).
                boolean owns = owner == null || owner.isOwner(s.origin().name(), signer);
                if (owns && owner != null && signers != null && owner.signer().isEmpty() && signer.isPresent()) {
                    owner = recordSigner(owner, signer.get(), now);
                }
                if (used == null && owns) {
                    used = s;
                    next.put(id, s);
                } else if (owns) {
                    now.add(s.origin() + ": scheme id '" + id + "' is already provided by " + used.origin()
                            + "; this one is ignored while that one is installed");
                } else {
                    now.add(refusal(s.origin(), id, owner, signer));
                }
            }
        }
        active = Collections.unmodifiableMap(next);
        problems = List.copyOf(now);
        Set<String> fresh = new LinkedHashSet<>(problems);
        fresh.removeAll(logged);
        for (String p : fresh) {
            LOG.log(System.Logger.Level.WARNING, p);
        }
        logged = Set.copyOf(problems);
    }

    /** The first verified signer of an owner recorded without one becomes part of the binding. */
    private SchemeOwner recordSigner(SchemeOwner owner, String signer, List<String> problems) {
        SchemeOwner signed = new SchemeOwner(owner.schemeId(), owner.symbolicName(), Optional.of(signer), owner.how(),
                owner.actor(), owner.since());
        try {
            owners.transfer(signed);
            LOG.log(System.Logger.Level.INFO, "scheme id '" + owner.schemeId() + "': owner " + owner.symbolicName()
                    + " is signed; its signer " + signer + " is recorded with it");
            return signed;
        } catch (StoreException | IllegalStateException e) {
            problems.add("scheme id '" + owner.schemeId() + "': the signer of its owner cannot be recorded ("
                    + e.getMessage() + ")");
            return owner;
        }
    }

    /**
     * Why a bundle that declares a scheme id recorded for another owner is refused: both bundles and the fix. The one
     * wording for the registry's problem and for the framework's hold.
     */
    private static String refusal(Origin origin, String id, SchemeOwner owner, Optional<String> signer) {
        if (owner.symbolicName().equals(origin.name())) {
            return origin + ": scheme id '" + id + "' belongs to " + owner.owner() + " (" + describe(owner)
                    + "); this jar is " + signer.map(x -> "signed by " + x).orElse("not signed by a trusted key")
                    + ", so it is refused: a symbolic name alone can be copied (to move the id to another key: "
                    + "tilskudd schemes transfer " + id + " --to " + origin.name()
                    + ", and the next signed jar's key is recorded)";
        }
        return origin + ": scheme id '" + id + "' belongs to " + owner.owner() + " (" + describe(owner) + "); "
                + origin.name() + " is refused until an administrator transfers it (tilskudd schemes transfer " + id
                + " --to " + origin.name() + ")";
    }

    /**
     * Whether a bundle that declares a scheme id is to be held unresolved: the id is recorded for another owner. Asked
     * by the framework's resolver hook before the bundle resolves, from the same record and by the same rule
     * ({@link SchemeOwner#isOwner}) as the registry's choice among schemes. An id without a recorded owner, or no
     * record at all (no store, or it cannot be read), holds nothing: the registry decides those when the scheme
     * arrives.
     *
     * @param origin   the bundle
     * @param signer   its verified signer, or empty
     * @param schemeId the id its descriptor declares
     * @return the reason, naming both bundles and the transfer that would release it
     */
    public Optional<String> held(Origin origin, Optional<String> signer, String schemeId) {
        SchemeOwners record;
        synchronized (this) {
            record = owners;
        }
        if (record == null) {
            return Optional.empty();
        }
        Optional<SchemeOwner> owner;
        try {
            owner = record.owner(schemeId);
        } catch (StoreException | IllegalStateException e) {
            return Optional.empty();
        }
        return owner.filter(o -> !o.isOwner(origin.name(), signer))
                .map(o -> refusal(origin, schemeId, o, signer) + "; held unresolved (installed, not started) until "
                        + "then");
    }

    private static String describe(SchemeOwner o) {
        return switch (o.how()) {
            case SEEDED -> "shipped with the distribution";
            case FIRST -> "its first owner, recorded " + o.since();
            case TRANSFERRED -> "given to it by " + o.actor() + " " + o.since();
        };
    }

    @Override
    public List<Scheme> schemes() {
        return active.values().stream().sorted(Comparator.comparing(Scheme::id)).toList();
    }

    @Override
    public Optional<Scheme> scheme(String id) {
        return Optional.ofNullable(active.get(id));
    }

    @Override
    public List<String> problems() {
        return problems;
    }
}
