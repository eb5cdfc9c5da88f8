package io.annualreport.extraction;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A PDFBox text stripper that keeps every glyph's position per page instead of writing text, and counts the glyphs
 * drawn, so that pages whose fonts have no Unicode mapping (glyphs drawn, no text) can be told from blank pages.
 */
final class LayoutStripper extends PDFTextStripper {

    /** The glyphs of one page, how many glyphs the page drew, and its vertical table borders. */
    record PageGlyphs(int page, List<Glyph> glyphs, int glyphsDrawn, List<Ruling> rulings) {
    }

    /** The deadline is checked every 1024 glyphs (a mask) as well as on every page. */
    private static final int GLYPHS_PER_CHECK = 1023;

    private final List<PageGlyphs> pages = new ArrayList<>();
    private final Runnable checkpoint;
    private List<Glyph> current = new ArrayList<>();
    private List<Ruling> rulings = new ArrayList<>();
    private final List<float[]> path = new ArrayList<>();
    private float[] point;
    private float[] subpathStart;
    private int drawn;

    LayoutStripper(Runnable checkpoint) {
        this.checkpoint = checkpoint;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
        for (String name : List.of("re", "m", "l", "h", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n")) {
            addOperator(new PathOperator(this, name));
        }
    }

    List<PageGlyphs> pages() {
        return pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        checkpoint.run();
        current = new ArrayList<>();
        rulings = new ArrayList<>();
        path.clear();
        drawn = 0;
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        pages.add(new PageGlyphs(getCurrentPageNo(), current, drawn, rulings));
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
        drawn++;
        if ((drawn & GLYPHS_PER_CHECK) == 0) {
            checkpoint.run();
        }
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            if (unicode == null || unicode.isBlank()) {
                continue;
            }
            float size = p.getFontSizeInPt();
            if (size < 2f || size > 200f) {
                size = Math.max(p.getHeightDir(), p.getWidthDirAdj());
            }
            float x = p.getXDirAdj();
            current.add(new Glyph(x, x + p.getWidthDirAdj(), p.getYDirAdj(), size, unicode));
        }
    }

    @Override
    protected void writeLineSeparator() {
        // rows are rebuilt from positions
    }

    @Override
    protected void writeWordSeparator() {
        // runs are rebuilt from positions
    }

    /** Collects vertical segments of painted paths (table borders); text extraction otherwise ignores paths. */
    private static final class PathOperator extends OperatorProcessor {

        private final LayoutStripper stripper;
        private final String name;

        PathOperator(LayoutStripper stripper, String name) {
            super(stripper);
            this.stripper = stripper;
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            stripper.path(name, operands);
        }
    }

    private void path(String operator, List<COSBase> operands) {
        switch (operator) {
            case "re" -> {
                if (operands.size() < 4) {
                    return;
                }
                float x = number(operands.get(0));
                float y = number(operands.get(1));
                float w = number(operands.get(2));
                float h = number(operands.get(3));
                float[] a = device(x, y);
                float[] b = device(x + w, y);
                float[] c = device(x + w, y + h);
                float[] d = device(x, y + h);
                if (Math.abs(a[0] - b[0]) < 2.5f) {
                    // A thin filled rectangle is how many producers draw a border line.
                    path.add(new float[]{(a[0] + b[0]) / 2, a[1], (c[0] + d[0]) / 2, c[1]});
                } else {
                    path.add(new float[]{b[0], b[1], c[0], c[1]});
                    path.add(new float[]{d[0], d[1], a[0], a[1]});
                }
                point = a;
                subpathStart = a;
            }
            case "m" -> {
                if (operands.size() >= 2) {
                    point = device(number(operands.get(0)), number(operands.get(1)));
                    subpathStart = point;
                }
            }
            case "l" -> {
                if (operands.size() >= 2 && point != null) {
                    float[] next = device(number(operands.get(0)), number(operands.get(1)));
                    path.add(new float[]{point[0], point[1], next[0], next[1]});
                    point = next;
                }
            }
            case "h" -> {
                if (point != null && subpathStart != null) {
                    path.add(new float[]{point[0], point[1], subpathStart[0], subpathStart[1]});
                    point = subpathStart;
                }
            }
            case "n" -> path.clear();
            default -> paint();
        }
    }

    private void paint() {
        PDPage page = getCurrentPage();
        if (page != null && page.getRotation() == 0) {
            PDRectangle crop = page.getCropBox();
            for (float[] segment : path) {
                if (Math.abs(segment[0] - segment[2]) < 1f && Math.abs(segment[1] - segment[3]) > 3f) {
                    float x = (segment[0] + segment[2]) / 2 - crop.getLowerLeftX();
                    float top = crop.getUpperRightY() - Math.max(segment[1], segment[3]);
                    float bottom = crop.getUpperRightY() - Math.min(segment[1], segment[3]);
                    rulings.add(new Ruling(x, top, bottom));
                }
            }
        }
        path.clear();
        point = null;
        subpathStart = null;
    }

    private float[] device(float x, float y) {
        Point2D.Float p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        return new float[]{p.x, p.y};
    }

    private static float number(COSBase base) {
        return base instanceof COSNumber n ? n.floatValue() : 0f;
    }
}
