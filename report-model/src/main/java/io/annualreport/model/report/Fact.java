package io.annualreport.model.report;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A number stated in the narrative, such as "收到政府信息公开申请 2 件" ({@code applications_received = 2}).
 *
 * <p>
 * The parser reads facts two ways. A <em>document fact</em> ({@code phrase} null) is read across wrapped lines of a
 * part. A <em>sentence fact</em> ({@code phrase} set) is read sentence by sentence from the part's narrative as
 * {@link io.annualreport.model.text.NarrativeText} normalizes it; its evidence is that sentence and its phrase the
 * words the number was read from. The rules read both, the document facts first.
 *
 * @param name the canonical fact name, snake_case English
 * @param section the part (1–6) the evidence is in, where known
 * @param evidence the sentence the number was read from
 * @param parts for enumerations "共X条，其中A条、B条…": the listed parts; for other facts the qualifiers a rule needs
 *        (such as the total a percentage is of)
 * @param phrase for sentence facts, the matched words within the evidence; null for document facts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fact(String name, BigDecimal value, Integer section, String evidence, int start, int end,
        List<FactPart> parts, @JsonInclude(JsonInclude.Include.NON_NULL) String phrase) {

    /** A document fact (read across lines, no phrase). */
    public Fact(String name, BigDecimal value, Integer section, String evidence, int start, int end,
            List<FactPart> parts) {
        this(name, value, section, evidence, start, end, parts, null);
    }

    /** Whether this fact was read sentence by sentence from the normalized narrative. */
    public boolean sentenceFact() {
        return phrase != null;
    }

    /** One item of a narrative enumeration, or a qualifier of a sentence fact. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FactPart(String label, BigDecimal value) {
    }
}
