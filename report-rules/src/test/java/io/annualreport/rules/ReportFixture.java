package io.annualreport.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParseWarning;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Finding;
import io.annualreport.parser.facts.SentenceFacts;

/** Small hand-built reports for rule tests: a clean report of either edition, changed one detail at a time. */
final class ReportFixture {

    static final List<String> HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");

    private static final String T2_2021 = """
            第二十条第（一）项
            信息内容\t本年制发件数\t本年废止件数\t现行有效件数
            规章\t0\t0\t0
            行政规范性文件\t0\t0\t0
            第二十条第（五）项
            信息内容\t本年处理决定数量
            行政许可\t0
            第二十条第（六）项
            信息内容\t本年处理决定数量
            行政处罚\t0
            行政强制\t0
            第二十条第（八）项
            信息内容\t本年收费金额（单位：万元）
            行政事业性收费\t0""";
    private static final String T2_2019 = """
            第二十条第（一）项
            信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
            规章\t0\t0\t0
            规范性文件\t0\t0\t0
            第二十条第（五）项
            信息内容\t上一年项目数量\t本年增/减\t处理决定数量
            行政许可\t0\t0\t0
            其他对外管理服务事项\t0\t0\t0
            第二十条第（六）项
            信息内容\t上一年项目数量\t本年增/减\t处理决定数量
            行政处罚\t0\t0\t0
            行政强制\t0\t0\t0
            第二十条第（八）项
            信息内容\t上一年项目数量\t本年增/减
            行政事业性收费\t0\t0
            第二十条第（九）项
            信息内容\t采购项目数量\t采购总金额
            政府集中采购\t0\t0""";
    private static final String T3_2021 = """
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
            （六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0""";
    private static final String T3_2019 = """
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
            （六）其他处理\t0\t0\t0\t0\t0\t0\t0""";
    private static final String T4 = """
            行政复议\t行政诉讼
            结果维持\t结果纠正\t其他结果\t尚未审结\t总计""";

    private String title;
    private String preamble;
    private String closing;
    private io.annualreport.model.report.ReadingReport reading;
    private io.annualreport.model.report.Extraction extraction;
    private final boolean[] unsplit = new boolean[6];
    private final String[] headings = HEADINGS.toArray(String[]::new);
    private final String[] texts = new String[6];
    private final boolean[] present = {true, true, true, true, true, true};
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final List<Fact> facts = new ArrayList<>();
    private boolean sentenceFacts = true;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private String agency;
    private Integer year;
    private Edition edition;

    private ReportFixture() {
    }

    /** A clean 2024 report of a district bureau in the 2021 format: every cell 0, every part as it should be. */
    static ReportFixture clean2021() {
        ReportFixture f = new ReportFixture();
        f.agency = "某某区某某局";
        f.year = 2024;
        f.edition = Edition.E2021;
        f.title = "某某区某某局2024年政府信息公开工作年度报告";
        f.preamble = "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。";
        f.texts[0] = "2024年，本局认真贯彻《中华人民共和国政府信息公开条例》。\n（一）主动公开情况。2024年，本局在门户网站主动公开政府信息。\n"
                + "（二）依申请公开情况。本局依法办理依申请公开工作。\n（三）政府信息管理情况。加强政府信息管理，严格审核。\n"
                + "（四）政府信息公开平台建设情况。优化政务公开平台。\n（五）监督保障情况。强化监督保障，开展业务培训。";
        f.texts[1] = T2_2021;
        f.texts[2] = T3_2021;
        f.texts[3] = T4;
        f.texts[4] = "2024年，本局政府信息公开工作还存在公开内容不够丰富等问题。下一步，本局将加强培训，提升工作水平。";
        f.texts[5] = "本局2024年未发出收费通知，未收取信息处理费。";
        for (CellDef def : TemplateRegistry.cells(Edition.E2021)) {
            f.value(def.key(), 0);
        }
        return f;
    }

    /** A clean 2020 report of a district bureau in the 2019 format. */
    static ReportFixture clean2019() {
        ReportFixture f = clean2021();
        f.cells.clear();
        f.year = 2020;
        f.edition = Edition.E2019;
        f.title = "某某区某某局2020年政府信息公开工作年度报告";
        f.preamble = "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。";
        f.texts[0] = f.texts[0].replace("2024", "2020");
        f.texts[1] = T2_2019;
        f.texts[2] = T3_2019;
        f.texts[4] = f.texts[4].replace("2024", "2020");
        f.texts[5] = "无。";
        for (CellDef def : TemplateRegistry.cells(Edition.E2019)) {
            f.value(def.key(), 0);
        }
        return f;
    }

    ReportFixture value(String key, Number value) {
        BigDecimal v = new BigDecimal(value.toString());
        cells.put(key, new Cell(v, v.toPlainString(), v.signum() == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC,
                1, 1, key + " row as printed"));
        return this;
    }

    ReportFixture t3(String row, String column, Number value) {
        return value(TemplateRegistry.t3(row, column), value);
    }

    /** Sets a T3 row: six applicant columns, the total their sum. */
    ReportFixture t3Row(String row, int naturalPerson, int commercial) {
        t3(row, "natural_person", naturalPerson);
        t3(row, "commercial_enterprise", commercial);
        return t3(row, "total", naturalPerson + commercial);
    }

    ReportFixture t4(String column, Number value) {
        return value(TemplateRegistry.t4(column), value);
    }

    ReportFixture raw(String key, String raw, BigDecimal value, CellSemantic semantic) {
        cells.put(key, new Cell(value, raw, semantic, 1, 1, key + " row as printed"));
        return this;
    }

    ReportFixture blank(String key) {
        return raw(key, "", null, CellSemantic.EMPTY);
    }

    ReportFixture notApplicable(String key) {
        return raw(key, "/", null, CellSemantic.NOT_APPLICABLE);
    }

    /** Marks a cell read with doubt. */
    ReportFixture doubtful(String key, io.annualreport.model.report.Doubt why) {
        cells.put(key, cells.get(key).doubtful(why));
        return this;
    }

    /** How the text came out of the file (e.g. OCR). */
    ReportFixture extraction(io.annualreport.model.report.Extraction value) {
        this.extraction = value;
        return this;
    }

    /** The parser's reading report sent with the report. */
    ReportFixture reading(io.annualreport.model.report.ReadingReport value) {
        this.reading = value;
        return this;
    }

    ReportFixture remove(String keyPrefix) {
        cells.keySet().removeIf(k -> k.startsWith(keyPrefix));
        return this;
    }

    ReportFixture text(int section, String text) {
        texts[section - 1] = text;
        return this;
    }

    ReportFixture appendText(int section, String text) {
        texts[section - 1] = texts[section - 1] + "\n" + text;
        return this;
    }

    ReportFixture heading(int section, String heading) {
        headings[section - 1] = heading;
        return this;
    }

    ReportFixture withoutSection(int section) {
        present[section - 1] = false;
        return this;
    }

    /** Keeps a part's heading and text in the report text but not as a part the parser split out. */
    ReportFixture unsplit(int section) {
        unsplit[section - 1] = true;
        return this;
    }

    /** Text after the six parts, e.g. the agency's name and the date that close a complete report. */
    ReportFixture closing(String value) {
        this.closing = value;
        return this;
    }

    ReportFixture title(String value) {
        this.title = value;
        return this;
    }

    ReportFixture preamble(String value) {
        this.preamble = value;
        return this;
    }

    ReportFixture agency(String value) {
        this.agency = value;
        return this;
    }

    ReportFixture year(Integer value) {
        this.year = value;
        return this;
    }

    ReportFixture edition(Edition value) {
        this.edition = value;
        return this;
    }

    ReportFixture fact(String name, Number value, String evidence) {
        facts.add(new Fact(name, new BigDecimal(value.toString()), 1, evidence, 0, 0, List.of()));
        return this;
    }

    ReportFixture fact(Fact fact) {
        facts.add(fact);
        return this;
    }

    /** Leaves out the sentence facts the parser reads from the parts (only the facts added here remain). */
    ReportFixture withoutSentenceFacts() {
        sentenceFacts = false;
        return this;
    }

    ReportFixture warning(String code, String subject, String message) {
        warnings.add(new ParseWarning(code, subject, message));
        return this;
    }

    ParsedReport build() {
        StringBuilder text = new StringBuilder();
        if (title != null) {
            text.append(title).append('\n');
        }
        if (preamble != null) {
            text.append(preamble).append('\n');
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (!present[i]) {
                continue;
            }
            int start = text.length();
            text.append(headings[i]).append('\n');
            text.append(texts[i]).append('\n');
            if (!unsplit[i]) {
                sections.add(new Section(i + 1, headings[i], texts[i], start, text.length()));
            }
        }
        if (closing != null) {
            text.append(closing).append('\n');
        }
        Identity identity = new Identity(title, agency, null, year, edition, Map.of());
        List<Fact> read = new ArrayList<>(facts);
        if (sentenceFacts) {
            read.addAll(SentenceFacts.extract(sections));
        }
        return new ParsedReport(identity, sections, new LinkedHashMap<>(cells), List.copyOf(read), extraction,
                List.copyOf(warnings), text.toString(), reading);
    }

    ValidationResult validate() {
        return new RuleEngine().validate(build(), ValidationContext.standalone());
    }

    ValidationResult validate(ParsedReport previousYear) {
        return new RuleEngine().validate(build(), new ValidationContext(Optional.of(previousYear)));
    }

    /** The findings of one rule. */
    static List<Finding> findings(ValidationResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
