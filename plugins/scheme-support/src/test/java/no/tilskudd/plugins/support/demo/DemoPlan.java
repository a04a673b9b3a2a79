package no.tilskudd.plugins.support.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Which org units get which grants in the synthetic demo data, laid out to match the seed evaluation (2006–2008):
 * 57 AVdir units and 29 Bufdir units, 19 of them in both (67 distinct units, 86 scheme-units), spread over the regions
 * as Nord 21, Midt 9, Øst/Oslo 29, Vest 9, Sør 18 scheme-units. The codes are real municipalities and Oslo districts;
 * the grants and everything reported are invented.
 */
public final class DemoPlan {

    /** Funded by AVdir only, Bufdir only, or both, in 2006–2008. */
    public enum Membership {
        /** AVdir only. */
        AVDIR,
        /** Bufdir only. */
        BUFDIR,
        /** AVdir and Bufdir. */
        BOTH;

        boolean avdir() {
            return this != BUFDIR;
        }

        boolean bufdir() {
            return this != AVDIR;
        }
    }

    /**
     * A planned unit.
     *
     * @param code       the org-unit code
     * @param region     the region the register gives it (checked by a test)
     * @param membership the schemes that fund it in 2006–2008
     */
    public record Unit(String code, String region, Membership membership) {
    }

    /** The 67 units funded by AVdir and/or Bufdir in 2006–2008. */
    public static final List<Unit> UNITS;

    static {
        List<Unit> u = new ArrayList<>();
        // Nord: 5 in both, 2 Bufdir only, 9 AVdir only -> 14 + 7 = 21 scheme-units
        add(u, "Nord", Membership.BOTH, "1902", "1804", "1833", "1805", "2030");
        add(u, "Nord", Membership.BUFDIR, "2004", "1924");
        add(u, "Nord", Membership.AVDIR, "1824", "1841", "1860", "1870", "1931", "2012", "2003", "1865", "1820");
        // Midt: 2 both, 5 AVdir only -> 7 + 2 = 9
        add(u, "Midt", Membership.BOTH, "1601", "1502");
        add(u, "Midt", Membership.AVDIR, "1702", "1714", "1719", "1520", "1638");
        // Øst/Oslo: 7 both, 4 Bufdir only, 11 AVdir only -> 18 + 11 = 29
        add(u, "Øst/Oslo", Membership.BOTH, "0106", "0105", "030101", "030102", "030111", "030115", "0427");
        add(u, "Øst/Oslo", Membership.BUFDIR, "0403", "0231", "0402", "0528");
        add(u, "Øst/Oslo", Membership.AVDIR, "0124", "0219", "0220", "0230", "0235", "0412", "0501", "030113", "0213",
                "0237", "0136");
        // Vest: 1 both, 2 Bufdir only, 5 AVdir only -> 6 + 3 = 9
        add(u, "Vest", Membership.BOTH, "1201");
        add(u, "Vest", Membership.BUFDIR, "1149", "1247");
        add(u, "Vest", Membership.AVDIR, "1221", "1235", "1432", "1101", "1124");
        // Sør: 4 both, 2 Bufdir only, 8 AVdir only -> 12 + 6 = 18
        add(u, "Sør", Membership.BOTH, "0602", "1001", "0806", "0605");
        add(u, "Sør", Membership.BUFDIR, "0814", "0904");
        add(u, "Sør", Membership.AVDIR, "0604", "0701", "0807", "0815", "1002", "1004", "0625", "0901");
        UNITS = List.copyOf(u);
    }

    /** Units that join AVdir after the evaluated period: eight in 2009, four in 2010. */
    public static final List<String> AVDIR_NEW_2009 = List.of("1866", "1840", "1563", "1653", "1120", "1243", "0704",
            "0906");
    /** Units that join AVdir in 2010. */
    public static final List<String> AVDIR_NEW_2010 = List.of("0709", "0104", "0502", "0216");

    /**
     * The cities and Oslo districts that may report to the urban-youth scheme (the same list as the scheme's
     * {@code eligible-units.csv}, which a test compares): 23 cities, then 7 Oslo districts.
     */
    public static final List<String> URBAN_YOUTH_UNITS = List.of(
            "0301", "1201", "1601", "1103", "1001", "1902", "1804", "1504", "1106", "1102", "0906", "0806", "0805",
            "0709", "0706", "0704", "0602", "0101", "0106", "0105", "0104", "0403", "0502",
            "030101", "030102", "030109", "030110", "030111", "030112", "030115");
    /** The urban-youth units with a block grant (Oslo, Bergen, Trondheim, Stavanger, the districts): they always report. */
    public static final List<String> URBAN_YOUTH_BLOCK_GRANT = List.of("0301", "1201", "1601", "1103",
            "030101", "030102", "030109", "030110", "030111", "030112", "030115");

    private DemoPlan() {
    }

    private static void add(List<Unit> out, String region, Membership m, String... codes) {
        for (String c : codes) {
            out.add(new Unit(c, region, m));
        }
    }
}
