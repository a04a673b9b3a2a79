package no.tilskudd.engine.internal.orgunits;

import java.util.Map;
import no.tilskudd.api.form.LocalizedText;

/**
 * The regions of the org-unit register are named in Norwegian (they are derived from the counties); an English report
 * names the five standard regions in English. Any other region keeps its name in both languages.
 */
public final class RegionNames {

    private static final Map<String, LocalizedText> LABELS = Map.of(
            "Nord", new LocalizedText("Nord", "North"),
            "Midt", new LocalizedText("Midt", "Central"),
            "Øst/Oslo", new LocalizedText("Øst/Oslo", "East/Oslo"),
            "Vest", new LocalizedText("Vest", "West"),
            "Sør", new LocalizedText("Sør", "South"));

    private RegionNames() {
    }

    /**
     * A region's name in both languages.
     *
     * @param region the register's (Norwegian) name
     * @return its label
     */
    public static LocalizedText label(String region) {
        return LABELS.getOrDefault(region, LocalizedText.of(region));
    }
}
