package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart colours must stay apart when a report is printed in black and white. */
class ChartPaletteTest {

    /** CIE L* (0 black to 100 white) of an sRGB colour: what is left of it on a grey print. */
    static double lightness(Color c) {
        double y = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389 / 27;
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void neighbouringSeriesDifferInLightness() {
        List<Color> p = ChartRenderer.PALETTE;
        for (int i = 1; i < p.size(); i++) {
            double d = Math.abs(lightness(p.get(i)) - lightness(p.get(i - 1)));
            assertTrue(d >= 20, "series " + i + " and " + (i + 1) + " differ by only " + d + " L*");
        }
    }

    @Test
    void theFirstFourAreAllDistinctInGrey() {
        List<Color> p = ChartRenderer.PALETTE;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                double d = Math.abs(lightness(p.get(i)) - lightness(p.get(j)));
                assertTrue(d >= 15, "series " + (i + 1) + " and " + (j + 1) + " differ by only " + d + " L*");
            }
        }
    }

    @Test
    void noColourIsTooPaleToSeeOnWhite() {
        for (Color c : ChartRenderer.PALETTE) {
            assertTrue(lightness(c) <= 93, c + " is almost white");
        }
    }
}
