package io.annualreport.system.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws collapsed stacks ({@code frame;frame;… count}) as a static SVG flame graph: the root at the bottom, each
 * frame as wide as its share of the samples, frames under {@code minShare} of all samples left out, the full name
 * and share in each box's tooltip.
 */
final class FlameGraphSvg {

    private static final int WIDTH = 1200;
    private static final int ROW = 16;

    /** One frame of the merged stack tree. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        long samples;
    }

    private FlameGraphSvg() {
    }

    static void write(Map<String, Long> stacks, String title, double minShare, Path out) throws IOException {
        Node root = new Node();
        for (var e : stacks.entrySet()) {
            Node node = root;
            node.samples += e.getValue();
            for (String frame : e.getKey().split(";")) {
                node = node.children.computeIfAbsent(frame, f -> new Node());
                node.samples += e.getValue();
            }
        }
        int depth = depth(root, root.samples * minShare);
        int height = (depth + 2) * ROW + 24;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"monospace\" font-size=\"11\">%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\" font-size=\"13\">%s (%d samples)</text>%n",
                escape(title), root.samples));
        draw(svg, "all", root, 0, WIDTH, height - ROW, root.samples, minShare);
        svg.append("</svg>\n");
        Files.writeString(out, svg, StandardCharsets.UTF_8);
    }

    private static int depth(Node node, double min) {
        int d = 0;
        for (Node child : node.children.values()) {
            if (child.samples >= min) {
                d = Math.max(d, 1 + depth(child, min));
            }
        }
        return d;
    }

    private static void draw(StringBuilder svg, String name, Node node, double x, double width, int y, long total,
            double minShare) {
        double share = (double) node.samples / total;
        int hue = Math.floorMod(name.substring(0, Math.max(0, name.lastIndexOf('.'))).hashCode(), 60);
        svg.append(String.format(Locale.ROOT,
                "<g><title>%s — %d samples, %.1f %%</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"hsl(%d,80%%,60%%)\" stroke=\"white\" stroke-width=\"0.5\"/>",
                escape(name), node.samples, share * 100, x, y, width, ROW - 1, hue));
        int chars = (int) ((width - 4) / 6.6);
        if (chars >= 3) {
            String label = shortName(name);
            if (label.length() > chars) {
                label = label.substring(0, Math.max(1, chars - 1)) + "…";
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4,
                    escape(label)));
        }
        svg.append("</g>\n");
        double cx = x;
        for (var e : node.children.entrySet()) {
            Node child = e.getValue();
            double w = width * child.samples / node.samples;
            if ((double) child.samples / total >= minShare) {
                draw(svg, e.getKey(), child, cx, w, y - ROW, total, minShare);
            }
            cx += w;
        }
    }

    private static String shortName(String frame) {
        int method = frame.lastIndexOf('.');
        int type = method > 0 ? frame.lastIndexOf('.', method - 1) : -1;
        return type >= 0 ? frame.substring(type + 1) : frame;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
