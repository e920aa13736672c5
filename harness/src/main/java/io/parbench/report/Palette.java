package io.parbench.report;

import io.parbench.analysis.SpeedupDecomposition;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How engines look: one colour per engine, the same in every chart, table and document, from the Okabe–Ito
 * palette (distinguishable with the common colour-vision deficiencies, and in greyscale print
 * by marker), and one order in which the report lists them.
 */
public final class Palette {

    private static final Map<String, Color> KNOWN = Map.of(
            "native", new Color(0x0072B2),
            "jvm", new Color(0xE69F00),
            "chromium", new Color(0x009E73),
            "byo", new Color(0xCC79A7));

    /** For engines parbench does not know, chosen by name so a name keeps its colour. */
    private static final Color[] OTHERS = {
        new Color(0xD55E00), new Color(0x56B4E9), new Color(0x000000), new Color(0x8C6D31),
    };

    private static final List<String> ORDER = List.of("native", "jvm", "chromium", "byo");

    /** native, jvm, chromium, byo, then any other engine by name. */
    public static final Comparator<String> ENGINE_ORDER = Comparator.<String>comparingInt(
                    e -> ORDER.contains(e) ? ORDER.indexOf(e) : ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    /** The fleet view's colours: one per machine and browser, in the order they are listed. */
    private static final Color[] FLEET = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };

    /** Lines that are not data (ideal scaling, reference levels). */
    public static final Color REFERENCE = new Color(0x888888);

    /** The "where the speedup goes" chart: the speedup achieved, a superlinear gain, and each part lost (Okabe–Ito). */
    public static final Color ACHIEVED = new Color(0x0072B2);
    public static final Color GAINED = new Color(0x56B4E9);

    private static final Map<SpeedupDecomposition.Part, Color> PARTS = Map.of(
            SpeedupDecomposition.Part.MACHINE, new Color(0xD55E00),
            SpeedupDecomposition.Part.IDLE_WORKERS, new Color(0xE69F00),
            SpeedupDecomposition.Part.RUNTIME, new Color(0xCC79A7),
            SpeedupDecomposition.Part.SLOWER_WORK, new Color(0xF0E442),
            SpeedupDecomposition.Part.WORK_AND_RUNTIME, new Color(0x009E73),
            SpeedupDecomposition.Part.NOT_ATTRIBUTED, new Color(0xBBBBBB));

    private Palette() {}

    /** The colour of a part lost in the "where the speedup goes" chart. */
    public static Color part(SpeedupDecomposition.Part part) {
        return PARTS.get(part);
    }

    /** A colour as CSS hex. */
    static String css(Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
    }

    public static Color engine(String engine) {
        Color known = KNOWN.get(engine);
        return known != null ? known : OTHERS[Math.floorMod(engine.hashCode(), OTHERS.length)];
    }

    /** The colour of the fleet view's {@code index}-th machine and browser (repeating after eight, then told apart by marker). */
    public static Color fleet(int index) {
        return FLEET[Math.floorMod(index, FLEET.length)];
    }

    /** The engine's colour as a CSS hex colour. */
    public static String css(String engine) {
        return css(engine(engine));
    }
}
