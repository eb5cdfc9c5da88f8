package io.annualreport.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** The text around the tables that every renderer prints the same way: headings and the preamble. */
final class DocumentText {

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六"};

    private DocumentText() {
    }

    /** A part heading as printed, "一、总体情况" or, with Arabic numbering planned, "1、总体情况". */
    static String heading(Part part, LabelStyler styler) {
        if (styler.has(NoiseKind.ARABIC_HEADINGS)) {
            return part.number() + part.heading().substring(CHINESE_NUMERALS[part.number() - 1].length());
        }
        return part.heading();
    }

    /** The title as printed, with spaces around the year if planned. */
    static String title(GeneratedReport report, LabelStyler styler) {
        String title = report.identity().title();
        for (InjectedNoise junk : report.noise(NoiseKind.JUNK_BEFORE_TITLE)) {
            title = junk.detail() + title;
        }
        if (styler.has(NoiseKind.TITLE_SPACING)) {
            String year = String.valueOf(report.identity().year());
            int at = title.indexOf(year);
            return at < 0 ? title : title.substring(0, at) + " " + year + " " + title.substring(at + year.length());
        }
        return title;
    }

    /** The opening paragraph: legal basis, the parts the report contains, the statistical period. */
    static String preamble(GeneratedReport report) {
        int year = report.identity().year();
        if (!report.noise(NoiseKind.CITED_NOTICE_FIRST).isEmpty()) {
            return "根据《中华人民共和国政府信息公开条例》和《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》要求，现将"
                    + report.identity().agency() + year + "年政府信息公开工作年度报告公布如下。本报告所列数据的统计期限自" + year
                    + "年1月1日起至" + year + "年12月31日止。";
        }
        if (report.identity().agencyFull() != null) {
            return basePreamble(report, year) + "本报告由" + report.identity().agencyFull() + "编制。";
        }
        return basePreamble(report, year);
    }

    /** The preamble every report prints. */
    private static String basePreamble(GeneratedReport report, int year) {
        List<String> names = report.parts().stream().map(p -> p.heading().substring(2)).toList();
        return "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和政府信息公开工作年度报告格式要求编制，全文包括"
                + names.stream().collect(Collectors.joining("、")) + "。本报告所列数据的统计期限自" + year + "年1月1日起至" + year
                + "年12月31日止。";
    }
}
