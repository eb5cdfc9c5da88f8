package io.annualreport.corpus;

import java.nio.charset.StandardCharsets;

/** Renders a generated report as the bytes of a text, Markdown, HTML or DOCX file, with the noise switched on. */
public final class ReportRenderer {

    /**
     * The file of a report in a format. Only the noise planned for the report and switched on in {@code noise} is
     * applied; blank and "/" cells are part of the truth and always printed as such.
     */
    public byte[] render(GeneratedReport report, Format format, Noise noise) {
        return switch (format) {
            case TEXT -> new TextRenderer(report, noise, false).render().getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> new TextRenderer(report, noise, true).render().getBytes(StandardCharsets.UTF_8);
            case HTML -> new HtmlRenderer(report, noise).render().getBytes(StandardCharsets.UTF_8);
            case DOCX -> new DocxRenderer(report, noise).render();
        };
    }

    /** The text of a report in a text format (TEXT, MARKDOWN or HTML). */
    public String renderText(GeneratedReport report, Format format, Noise noise) {
        if (format == Format.DOCX) {
            throw new IllegalArgumentException("DOCX is binary; use render()");
        }
        return new String(render(report, format, noise), StandardCharsets.UTF_8);
    }
}
