package io.annualreport.model.report;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A number stated in the narrative, such as "收到政府信息公开申请 2 件" ({@code applications_received = 2}).
 *
 * @param name the canonical fact name, snake_case English
 * @param section the part (1–6) the evidence is in, where known
 * @param evidence the sentence the number was read from
 * @param parts for enumerations "共X条，其中A条、B条…": the listed parts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fact(String name, BigDecimal value, Integer section, String evidence, int start, int end,
        List<FactPart> parts) {

    /** One item of a narrative enumeration. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FactPart(String label, BigDecimal value) {
    }
}
