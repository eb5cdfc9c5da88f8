package io.annualreport.store.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes a review letter (审查意见书) in Chinese as DOCX (Apache POI) or PDF (PDFBox with a CJK TrueType font found
 * on the machine: {@code LETTER_FONT}, else WenQuanYi Micro Hei or Zen Hei as Debian's {@code fonts-wqy-microhei}
 * installs them).
 */
public final class ReviewLetter {

    /** Where a CJK TrueType font is looked for when {@code LETTER_FONT} is not set, first found wins. */
    static final List<Path> FONT_PLACES = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), Path.of("/Library/Fonts/Arial Unicode.ttf"));

    private ReviewLetter() {
    }

    /** The paragraphs of the letter, the same for both formats; the first is the title. */
    static List<String> paragraphs(LetterContent letter) {
        List<String> out = new ArrayList<>();
        out.add(letter.title());
        out.add((letter.agency() == null ? "报告单位" : letter.agency()) + "：");
        out.add("经审查，贵单位" + (letter.year() == null ? "" : letter.year() + "年度")
                + "政府信息公开工作年度报告（报告编号 " + letter.reportId() + "）的审查结果为「" + nz(letter.verdictLabel(), "尚未审查")
                + "」，审核状态为「" + letter.stateLabel() + "」。"
                + (letter.items().isEmpty() ? "未发现需要整改的问题。" : "发现以下" + letter.items().size() + "个问题，请核实并整改："));
        for (LetterContent.Item item : letter.items()) {
            StringBuilder p = new StringBuilder();
            p.append(item.number()).append("．【").append(item.severityLabel()).append("】")
                    .append(nz(item.message(), ""));
            out.add(p.toString());
            if (!item.cells().isEmpty()) {
                out.add("    涉及单元格：" + String.join("；", item.cells()));
            }
            if (!item.pages().isEmpty()) {
                out.add("    所在页码：第" + item.pages().stream().map(String::valueOf).collect(Collectors.joining("、"))
                        + "页");
            }
            if (item.evidence() != null && !item.evidence().isBlank()) {
                out.add("    原文依据：" + item.evidence().strip());
            }
            out.add("    审查规则：" + item.ruleId() + (item.ruleTitle() == null ? "" : " " + item.ruleTitle())
                    + (item.ruleFormula() == null || item.ruleFormula().isBlank()
                            ? ""
                            : "（" + item.ruleFormula() + "）"));
            if (item.decisionLabel() != null) {
                out.add("    审核意见：" + item.decisionLabel());
            }
        }
        out.add("特此函告。");
        out.add("政务公开审查" + "    " + letter.date());
        return out;
    }

    /** The letter as a Word document. */
    public static byte[] docx(LetterContent letter) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> paragraphs = paragraphs(letter);
            for (int i = 0; i < paragraphs.size(); i++) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("宋体");
                run.setText(paragraphs.get(i));
                if (i == 0) {
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                    run.setBold(true);
                    run.setFontSize(16);
                } else {
                    run.setFontSize(12);
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** The CJK TrueType font file of the PDF letter, if one is on this machine. */
    public static Optional<Path> font() {
        String configured = System.getenv("LETTER_FONT");
        Stream<Path> places = configured == null || configured.isBlank()
                ? FONT_PLACES.stream()
                : Stream.of(Path.of(configured));
        return places.filter(Files::isRegularFile).findFirst();
    }

    /**
     * The letter as a PDF.
     *
     * @throws IllegalStateException naming the places looked in and the package to install, when no CJK font is found
     */
    public static byte[] pdf(LetterContent letter) throws IOException {
        Path fontFile = font().orElseThrow(() -> new IllegalStateException("no CJK font for the PDF letter: set "
                + "LETTER_FONT to a TrueType font file with Chinese glyphs, or install fonts-wqy-microhei "
                + "(scripts/install-system-deps.sh --run); looked in " + FONT_PLACES));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeCollection collection = null;
            PDFont font;
            if (fontFile.toString().toLowerCase().endsWith(".ttc")) {
                collection = new TrueTypeCollection(fontFile.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                font = PDType0Font.load(document, first[0], true);
            } else {
                try (InputStream in = Files.newInputStream(fontFile)) {
                    font = PDType0Font.load(document, in);
                }
            }
            write(document, font, paragraphs(letter));
            document.save(out);
            if (collection != null) {
                collection.close();
            }
            return out.toByteArray();
        }
    }

    private static void write(PDDocument document, PDFont font, List<String> paragraphs) throws IOException {
        float margin = 56;
        float width = PDRectangle.A4.getWidth() - 2 * margin;
        float y = 0;
        PDPageContentStream stream = null;
        try {
            for (int i = 0; i < paragraphs.size(); i++) {
                float size = i == 0 ? 15 : 11;
                float leading = size * 1.6f;
                for (String line : wrap(font, paragraphs.get(i), size, width)) {
                    if (stream == null || y < margin + leading) {
                        if (stream != null) {
                            stream.endText();
                            stream.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        stream = new PDPageContentStream(document, page);
                        stream.beginText();
                        y = PDRectangle.A4.getHeight() - margin;
                        stream.newLineAtOffset(margin, y);
                    }
                    stream.setFont(font, size);
                    stream.showText(line);
                    stream.newLineAtOffset(0, -leading);
                    y -= leading;
                }
            }
        } finally {
            if (stream != null) {
                stream.endText();
                stream.close();
            }
        }
    }

    /** Breaks a paragraph into lines that fit the width (Chinese text breaks between any two characters). */
    static List<String> wrap(PDFont font, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String clean = text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
        for (int i = 0; i < clean.length();) {
            int cp = clean.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            try {
                font.encode(ch);
            } catch (IllegalArgumentException | IOException e) {
                ch = "?"; // a character the font cannot show
            }
            if (line.length() > 0 && font.getStringWidth(line + ch) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String nz(String text, String absent) {
        return text == null ? absent : text;
    }
}
