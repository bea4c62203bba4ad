package io.coregate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An SVG of two panels against client concurrency (log scale): throughput (sequences, pairs or pgbench transactions
 * per second) and p99 latency per call. Written by hand: lines, points, axes, ticks and a legend.
 */
final class Plot {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#7f7f7f", "#ff7f0e"};
    private static final int PANEL_W = 440;
    private static final int PANEL_H = 300;
    private static final int LEFT = 60;
    private static final int TOP = 40;

    private Plot() {
    }

    /**
     * One line.
     *
     * @param name   legend text
     * @param points clients to value
     */
    record Series(String name, Map<Integer, Double> points) {
    }

    /** A series from runs of one scenario. */
    static Series of(String name, List<Run> runs, String scenario, ToDoubleFunction<Run> value) {
        var points = new LinkedHashMap<Integer, Double>();
        runs.stream().filter(r -> r.scenario().equals(scenario)).forEach(r -> points.put(r.clients(), value.applyAsDouble(r)));
        return new Series(name, points);
    }

    static String svg(String title, List<Series> throughput, List<Series> p99) {
        var out = new StringBuilder();
        int width = 2 * (PANEL_W + LEFT) + 40;
        int height = PANEL_H + TOP + 120;
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        panel(out, LEFT, "throughput (per second)", throughput);
        panel(out, 2 * LEFT + PANEL_W + 40, "p99 per call (ms)", p99);
        legend(out, throughput, p99, TOP + PANEL_H + 50);
        return out.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder out, int x0, String label, List<Series> series) {
        List<Integer> xs = series.stream().flatMap(s -> s.points().keySet().stream()).distinct().sorted().toList();
        double max = series.stream().flatMap(s -> s.points().values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceCeiling(max);
        int y0 = TOP + PANEL_H;
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0, TOP - 8, escape(label)));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            x0, TOP, PANEL_W, PANEL_H));
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            int y = y0 - PANEL_H * i / 5;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", x0, y, x0 + PANEL_W, y, x0 - 4, y + 4, tick(value)));
        }
        for (int x : xs) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", px(x0, xs, x), y0 + 16, x));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent clients</text>%n",
            x0 + PANEL_W / 2, y0 + 34));
        for (int i = 0; i < series.size(); i++) {
            var points = new ArrayList<String>();
            String colour = COLOURS[i % COLOURS.length];
            for (var point : series.get(i).points().entrySet()) {
                double px = px(x0, xs, point.getKey());
                double py = y0 - PANEL_H * point.getValue() / top;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, colour));
            }
            out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, String.join(" ", points)));
        }
    }

    private static void legend(StringBuilder out, List<Series> left, List<Series> right, int y) {
        var names = new ArrayList<String>();
        left.forEach(s -> names.add(s.name()));
        right.stream().map(Series::name).filter(n -> !names.contains(n)).forEach(names::add);
        for (int i = 0; i < names.size(); i++) {
            int x = LEFT + (i % 3) * 300;
            int row = y + (i / 3) * 18;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, row - 4, COLOURS[i % COLOURS.length], x + 20, row, escape(names.get(i))));
        }
    }

    /** Evenly spaced on a log scale: 4, 16, 64 sit at equal distances. */
    private static double px(int x0, List<Integer> xs, int x) {
        if (xs.size() < 2) {
            return x0 + PANEL_W / 2.0;
        }
        double lo = Math.log(xs.getFirst());
        double hi = Math.log(xs.getLast());
        return x0 + 30 + (PANEL_W - 60) * (Math.log(x) - lo) / (hi - lo);
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String tick(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
