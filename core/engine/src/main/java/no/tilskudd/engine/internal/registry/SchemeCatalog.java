package no.tilskudd.engine.internal.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import no.tilskudd.engine.internal.forms.SchemeData;

/**
 * The installed schemes, kept in step with the plugins that come and go.
 *
 * <p>When two plugins claim the same scheme id, the one that arrived first is used and the other is reported as a
 * problem; if the first leaves, the second takes over. A plugin whose descriptor or forms are broken is reported and
 * left out; the others are not affected.
 */
public final class SchemeCatalog implements SchemeRegistry {

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

    /** The first contribution of an id wins; later ones are problems while it is installed. */
    private void recompute() {
        Map<String, Scheme> next = new LinkedHashMap<>();
        List<String> now = new ArrayList<>(unreadable.values());
        now.addAll(notes.values());
        for (Scheme s : contributions.values()) {
            Scheme first = next.putIfAbsent(s.id(), s);
            if (first != null) {
                now.add(s.origin() + ": scheme id '" + s.id() + "' is already provided by " + first.origin()
                        + "; this one is ignored while that one is installed");
            }
        }
        active = Collections.unmodifiableMap(next);
        problems = List.copyOf(now);
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
