package dev.drama.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as SVG text: one y axis, series as polylines or dots, nice ticks and a
 * legend. Enough for the soak plot without a charting library; any browser shows the file.
 */
final class SvgChart {
    /** One series: points (x, y), drawn as a line or as dots. */
    record Series(String name, String colour, List<double[]> points, boolean dots) {
    }

    private static final int WIDTH = 960, HEIGHT = 520, LEFT = 80, RIGHT = 200, TOP = 60, BOTTOM = 60;

    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String subtitle, String xLabel, String yLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    String render() {
        double maxX = 1, maxY = 1;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        double xStep = step(maxX), yStep = step(maxY);
        double xTop = Math.ceil(maxX / xStep) * xStep, yTop = Math.ceil(maxY * 1.05 / yStep) * yStep;
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, LEFT, 24, "start", "font-size=\"16\" font-weight=\"bold\"", title);
        text(svg, LEFT, 44, "start", "fill=\"#555\"", subtitle);
        for (double y = 0; y <= yTop + yStep / 2; y += yStep) {
            double py = TOP + plotH - y / yTop * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, py, LEFT + plotW, py));
            text(svg, LEFT - 6, py + 4, "end", "", number(y));
        }
        for (double x = 0; x <= xTop + xStep / 2; x += xStep) {
            double px = LEFT + x / xTop * plotW;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    px, TOP, px, TOP + plotH));
            text(svg, px, TOP + plotH + 18, "middle", "", number(x));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        text(svg, LEFT + plotW / 2.0, HEIGHT - 16, "middle", "", xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 18 %.1f)\">%s</text>%n", TOP + plotH / 2.0, TOP + plotH / 2.0, escape(yLabel)));
        int legendY = TOP + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (double[] p : s.points()) {
                double px = LEFT + p[0] / xTop * plotW, py = TOP + plotH - p[1] / yTop * plotH;
                if (s.dots()) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                            px, py, s.colour()));
                } else {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                }
            }
            if (!s.dots() && !s.points().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                        + " points=\"%s\"/>%n", s.colour(), points.toString().trim()));
            }
            int lx = LEFT + plotW + 16;
            svg.append(s.dots()
                    ? String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>%n", lx + 10, legendY - 4, s.colour())
                    : String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n", lx, legendY - 4, lx + 20, legendY - 4, s.colour()));
            text(svg, lx + 26, legendY, "start", "", s.name());
            legendY += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    /** A tick step of 1, 2 or 5 times a power of ten, giving about six ticks up to {@code max}. */
    static double step(double max) {
        double raw = max / 6, power = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String value) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
                x, y, anchor, attributes, escape(value)));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
