package io.annualreport.corpus;

import java.util.List;

import io.annualreport.model.template.TableId;

/**
 * One of the six parts of a generated report as content to render: its canonical heading and its blocks.
 *
 * @param number 1–6
 */
public record Part(int number, String heading, List<Block> blocks) {

    /** A piece of a part: a paragraph of narrative or one of the statistical tables. */
    public sealed interface Block permits Paragraph, TableBlock {
    }

    /**
     * A paragraph of narrative.
     *
     * @param subheading whether it is a sub-heading such as "（一）主动公开"
     */
    public record Paragraph(String text, boolean subheading) implements Block {
    }

    /** The place where a statistical table is printed. */
    public record TableBlock(TableId table) implements Block {
    }
}
