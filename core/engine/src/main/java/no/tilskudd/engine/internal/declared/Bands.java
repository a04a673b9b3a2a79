package no.tilskudd.engine.internal.declared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.engine.internal.standard.Values;

/** Bands of an amount: the first starts below the first limit, each limit starts the next band (inclusive). */
final class Bands {

    private Bands() {
    }

    /**
     * The band an amount falls in.
     *
     * @param limits the ascending limits
     * @param amount the amount
     * @return the band's index, 0 for the lowest
     */
    static int band(List<BigDecimal> limits, BigDecimal amount) {
        int band = 0;
        while (band < limits.size() && amount.compareTo(limits.get(band)) >= 0) {
            band++;
        }
        return band;
    }

    /**
     * The labels a definition gets when it gives none: "Under 50 000 kr", "50 000–99 999 kr", "500 000 kr og mer".
     * The upper end of a band is one krone below the next limit, which suits whole-krone limits.
     *
     * @param limits the ascending limits
     * @return a label per band
     */
    static List<LocalizedText> labels(List<BigDecimal> limits) {
        List<LocalizedText> out = new ArrayList<>();
        for (int i = 0; i <= limits.size(); i++) {
            if (i == 0) {
                out.add(new LocalizedText("Under " + kr(limits.get(0), false) + " kr",
                        "Under NOK " + kr(limits.get(0), true)));
            } else if (i == limits.size()) {
                out.add(new LocalizedText(kr(limits.get(i - 1), false) + " kr og mer",
                        "NOK " + kr(limits.get(i - 1), true) + " and more"));
            } else {
                BigDecimal upper = limits.get(i).subtract(BigDecimal.ONE);
                out.add(new LocalizedText(kr(limits.get(i - 1), false) + "–" + kr(upper, false) + " kr",
                        "NOK " + kr(limits.get(i - 1), true) + "–" + kr(upper, true)));
            }
        }
        return out;
    }

    private static String kr(BigDecimal amount, boolean english) {
        return Values.kroner(amount, english);
    }
}
