package io.annualreport.corpus;

/** The file shapes a generated report can be rendered to, as real reports are published. */
public enum Format {
    /** Plain text with tab-separated table rows, like a PDF or DOCX text extraction. */
    TEXT,
    /** Pipe-table Markdown with {@code #} headings, like an HTML page converted to Markdown. */
    MARKDOWN,
    /** An HTML article page with real {@code <table>} markup, rowspan and colspan as in the official layout. */
    HTML,
    /** A Word document with XWPF tables and merged cells. */
    DOCX
}
