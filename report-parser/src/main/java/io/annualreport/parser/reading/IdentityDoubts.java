package io.annualreport.parser.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.annualreport.model.report.Identity;

/**
 * Why a report's agency or year is uncertain, from how the identity reader found them: each doubt is a stable code and
 * a Chinese explanation, e.g. {@code AGENCY_ABBREVIATED: 机关名称为简称（市科委），未见全称}. Where they were found (title
 * or body, or the submitter's form of a name a scan printed) is not a doubt: {@code Identity.foundBy} records it, and
 * an agency or year stated in the body is as trustworthy as one in the title.
 */
public final class IdentityDoubts {

    /** An agency named only by a bare level and an abbreviation (市科委, 区发改局), no place name. */
    private static final Pattern ABBREVIATED = Pattern.compile("^[省市区县镇乡][\\u4e00-\\u9fa5]{1,4}$");

    private IdentityDoubts() {
    }

    /** The doubts about an identity; empty when agency and year both come from the title or the body. */
    public static List<String> of(Identity identity) {
        List<String> doubts = new ArrayList<>();
        Map<String, String> foundBy = identity.foundBy() == null ? Map.of() : identity.foundBy();
        if (identity.agency() == null) {
            doubts.add("AGENCY_NOT_FOUND: 标题、正文和提交信息中均未找到发布机关");
        } else {
            switch (foundBy.getOrDefault("agency", "")) {
                case "title", "body", "declared_over_scan", "file_name_over_scan" -> {
                    // as printed in the title or stated in the body (foundBy says which), or the submitter's form of
                    // a name the scan printed and OCR read all but a character or two of
                }
                case "declared" -> doubts.add("AGENCY_DECLARED: 文件中未找到机关名称，采用提交时申报的机关");
                default -> doubts.add("AGENCY_FROM_" + foundBy.getOrDefault("agency", "UNKNOWN").toUpperCase()
                        + ": 机关名称非取自标题");
            }
            if (foundBy.containsKey("agencyScan")) {
                doubts.add("AGENCY_SCAN_UNCERTAIN: 扫描件标题与正文中的机关名称识别相差一字（" + identity.agency()
                        + "），请对照原件核对");
            }
            if (ABBREVIATED.matcher(identity.agency()).matches()) {
                doubts.add("AGENCY_ABBREVIATED: 机关名称为简称（" + identity.agency() + "），未见全称");
            }
        }
        if (identity.year() == null) {
            doubts.add("YEAR_NOT_FOUND: 标题、正文和提交信息中均未找到报告年度");
        } else {
            switch (foundBy.getOrDefault("year", "")) {
                case "title", "body" -> {
                    // as printed in the title or stated in the body (foundBy says which)
                }
                case "declared" -> doubts.add("YEAR_DECLARED: 文件中未找到报告年度，采用提交时申报的年度");
                default -> doubts.add("YEAR_FROM_" + foundBy.getOrDefault("year", "UNKNOWN").toUpperCase()
                        + ": 报告年度非取自标题");
            }
        }
        return doubts;
    }
}
