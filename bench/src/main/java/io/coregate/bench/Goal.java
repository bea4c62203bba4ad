package io.coregate.bench;

import java.util.Locale;

/**
 * One goal of issue 17 with the figure this run measured: reported, never asserted.
 *
 * @param name     what is measured against what
 * @param measured the figure
 * @param target   the goal's bound
 * @param ratio    measured / baseline where the goal is a ratio, else measured / target
 * @param met      whether the figure meets the goal
 */
record Goal(String name, String measured, String target, double ratio, boolean met) {

    /** A figure that must be at least {@code factor} × {@code baseline}. */
    static Goal atLeast(String name, double value, String unit, double baseline, String baselineName, double factor) {
        double ratio = baseline == 0 ? 0 : value / baseline;
        return new Goal(name, String.format(Locale.ROOT, "%.0f %s vs %s %.0f", value, unit, baselineName, baseline),
            String.format(Locale.ROOT, ">= %.1fx", factor), ratio, ratio >= factor);
    }

    /** A figure that must be at most {@code bound}. */
    static Goal atMost(String name, double value, String unit, double bound) {
        return new Goal(name, String.format(Locale.ROOT, "%.2f %s", value, unit), String.format(Locale.ROOT, "<= %.0f %s", bound, unit),
            value / bound, value <= bound);
    }

    String line() {
        return String.format(Locale.ROOT, "%-58s %-36s %-10s ratio %5.2f  %s", name, measured, target, ratio, met ? "MET" : "MISSED");
    }
}
