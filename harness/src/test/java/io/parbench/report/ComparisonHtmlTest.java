package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonHtmlTest {

    /** A 5% change must be visible: B/A is drawn on 0.8 to 1.2 unless an interval needs more room. */
    @Test
    void theRatioAxisIsAroundOneAndWidensOnlyAsTheDataNeeds() {
        double[] x = {1, 2};
        ChartSpec.Line small = ChartSpec.Line.data("throughput B/A", Color.BLUE, 0, false, x, new double[] {0.95, 1.02},
                new double[] {0.93, 0.99}, new double[] {0.97, 1.05});
        assertArrayEquals(new double[] {0.8, 1.2}, ComparisonHtml.ratioAxis(List.of(small)), 1e-12);
        ChartSpec.Line large = ChartSpec.Line.data("speedup B/A", Color.RED, 1, false, x, new double[] {0.6, 1.4},
                new double[] {0.5, 1.3}, new double[] {0.7, 1.5});
        assertArrayEquals(new double[] {0.5 * 0.95, 1.5 * 1.05}, ComparisonHtml.ratioAxis(List.of(small, large)), 1e-12);
    }
}
