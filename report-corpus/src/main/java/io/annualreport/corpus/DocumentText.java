package io.annualreport.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** The text around the tables that every renderer prints the same way: headings and the preamble. */
final class DocumentText {

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六"};

    private DocumentText() {
    }

    /**
     * The parts in the order and under the headings they are printed: the national six, or with REGIONAL_LAYOUT the
     * Shanghai layout (the narrative of parts 一…三 under six headings of their own, the tables renumbered 一、二、三,
     * then 四 and 五 for the national 五 and 六). Regional parts of their own are numbered 0.
     */
    static List<Part> printedParts(GeneratedReport report, LabelStyler styler) {
        List<Part> parts = report.parts();
        if (!styler.has(NoiseKind.REGIONAL_LAYOUT)) {
            return parts.stream().map(p -> new Part(p.number(), heading(p, styler), p.blocks())).toList();
        }
        List<Part> printed = new java.util.ArrayList<>();
        printed.add(new Part(1, "一、总体情况", parts.get(0).blocks()));
        printed.add(new Part(0, "二、工作机制保障", List.of(new Part.Paragraph(
                "健全政府信息公开工作机制，明确分管领导和工作人员，落实公开属性源头认定和发布前审查制度。", false))));
        printed.add(new Part(0, "三、主动公开工作情况", narrative(parts.get(1))));
        printed.add(new Part(0, "四、政府信息公开申请情况", narrative(parts.get(2))));
        printed.add(new Part(0, "五、政府信息管理", List.of(new Part.Paragraph(
                "加强政府信息公开审查，规范政府信息公开目录，及时更新调整主动公开内容。", false))));
        printed.add(new Part(0, "六、平台建设", List.of(new Part.Paragraph(
                "依托门户网站政府信息公开专栏集中发布政府信息，做好政务新媒体的日常管理。", false))));
        printed.add(new Part(2, "一、主动公开政府信息情况", tables(parts.get(1))));
        printed.add(new Part(3, "二、收到和处理政府信息公开申请情况", tables(parts.get(2))));
        printed.add(new Part(4, "三、政府信息公开行政复议、行政诉讼情况", parts.get(3).blocks()));
        printed.add(new Part(5, "四、存在的主要问题及改进情况", parts.get(4).blocks()));
        printed.add(new Part(6, "五、其他需要报告的事项", parts.get(5).blocks()));
        return printed;
    }

    private static List<Part.Block> narrative(Part part) {
        return part.blocks().stream().filter(b -> b instanceof Part.Paragraph).toList();
    }

    private static List<Part.Block> tables(Part part) {
        return part.blocks().stream().filter(b -> b instanceof Part.TableBlock).toList();
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
