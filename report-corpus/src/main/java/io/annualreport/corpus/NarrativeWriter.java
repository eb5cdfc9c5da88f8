package io.annualreport.corpus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.annualreport.corpus.Part.Block;
import io.annualreport.corpus.Part.Paragraph;
import io.annualreport.corpus.Part.TableBlock;
import io.annualreport.model.report.Fact.FactPart;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TableId;

/** Writes the Chinese narrative of the six parts from a report's tables, stating numbers that agree with them. */
final class NarrativeWriter {

    /** The canonical part headings of both editions. */
    static final List<String> HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");

    private static final List<String> OUTCOME_WORDS = List.of("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理");

    /** A number the narrative states, with the sentence that states it. */
    record StatedFact(String name, BigDecimal value, int section, String evidence, List<FactPart> parts) {
    }

    /** The written parts and the facts they state. */
    record Narrative(List<Part> parts, List<StatedFact> facts) {
    }

    private final ReportSpec spec;
    private final Random random;
    private final int year;
    private final List<StatedFact> facts = new ArrayList<>();

    NarrativeWriter(ReportSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.narrativeSeed());
        this.year = spec.identity().year();
    }

    Narrative write() {
        List<Part> parts = new ArrayList<>();
        List<List<Block>> bodies = List.of(overview(), List.of(new TableBlock(TableId.T2)),
                List.of(new TableBlock(TableId.T3)), List.of(new TableBlock(TableId.T4)), problems(), other());
        for (int i = 0; i < 6; i++) {
            if (!spec.omittedParts().contains(i + 1)) {
                parts.add(new Part(i + 1, HEADINGS.get(i), bodies.get(i)));
            }
        }
        List<StatedFact> kept = facts.stream().filter(f -> !spec.omittedParts().contains(f.section())).toList();
        return new Narrative(parts, kept);
    }

    private List<Block> overview() {
        String agency = spec.identity().agency();
        List<Block> blocks = new ArrayList<>();
        blocks.add(p(pick(year + "年，" + agency + "坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
                + "围绕中心工作，扎实推进政府信息公开工作，不断提升政务公开质量。",
                year + "年，" + agency + "严格执行《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，"
                        + "持续深化政务公开，切实保障人民群众的知情权、参与权和监督权。",
                year + "年，在上级政务公开主管部门的指导下，" + agency + "认真落实政府信息公开各项要求，政府信息公开工作有序开展。")));
        blocks.add(sub("（一）主动公开"));
        blocks.add(p(proactive()));
        blocks.add(sub("（二）依申请公开"));
        blocks.add(p(applications() + reviews()));
        blocks.add(sub("（三）政府信息管理"));
        blocks.add(p(pick("严格落实政府信息公开保密审查制度，坚持“先审查、后公开”，对拟公开信息逐条审核，确保公开内容准确、规范。",
                "建立健全政府信息管理动态调整机制，定期清理已公开的政府信息，及时更新政府信息公开指南和目录。")));
        blocks.add(sub("（四）政府信息公开平台建设"));
        blocks.add(p(pick("依托政府门户网站政府信息公开专栏，及时更新栏目内容，同时通过政务新媒体、公开栏等渠道发布信息，拓宽公开渠道。",
                "持续加强政府网站信息公开平台建设，优化栏目设置，规范内容发布，提升平台的便民性和易用性。")));
        blocks.add(sub("（五）监督保障"));
        blocks.add(p(pick("将政府信息公开工作纳入年度工作考核，明确专人负责，定期开展自查，主动接受社会监督，全年未发生因政府信息公开工作引发的责任追究情况。",
                "健全政务公开监督考核机制，加强业务培训，开展社会评议，本年度未发生政府信息公开工作责任追究情况。")));
        return blocks;
    }

    private String proactive() {
        int news = random.nextInt(120);
        int notices = random.nextInt(40);
        int policies = random.nextInt(15);
        int total = news + notices + policies;
        String sentence = year + "年，共主动公开政府信息" + total + "条，其中工作动态" + news + "条、通知公告" + notices + "条、政策文件"
                + policies + "条。";
        facts.add(new StatedFact(FactNames.PROACTIVE_DISCLOSURES, BigDecimal.valueOf(total), 1, sentence,
                List.of(new FactPart("工作动态", BigDecimal.valueOf(news)),
                        new FactPart("通知公告", BigDecimal.valueOf(notices)),
                        new FactPart("政策文件", BigDecimal.valueOf(policies)))));
        return sentence + pick("对涉及群众切身利益的重要政策及时发布解读材料。", "重点做好财政预决算、重大建设项目、公共服务等领域信息公开。");
    }

    private String applications() {
        BigDecimal received = stated(FactNames.APPLICATIONS_RECEIVED);
        BigDecimal carried = stated(FactNames.APPLICATIONS_CARRIED_OVER);
        boolean receivedOverridden = spec.narrativeOverrides().containsKey(FactNames.APPLICATIONS_RECEIVED);
        boolean outcomeOverridden = FactNames.OUTCOMES.stream().anyMatch(spec.narrativeOverrides()::containsKey);
        if (received.signum() == 0 && carried.signum() == 0 && !receivedOverridden && !outcomeOverridden) {
            if (random.nextBoolean()) {
                String s = year + "年，本机关未收到政府信息公开申请，无上年结转申请。";
                fact(FactNames.APPLICATIONS_RECEIVED, received, s);
                fact(FactNames.APPLICATIONS_CARRIED_OVER, carried, s);
                return s;
            }
            String s = year + "年，本单位未收到政府信息公开申请。";
            fact(FactNames.APPLICATIONS_RECEIVED, received, s);
            return s;
        }
        StringBuilder text = new StringBuilder();
        String first;
        if (carried.signum() == 0) {
            first = year + "年，本机关收到政府信息公开申请" + received + "件，无上年结转申请。";
        } else if (random.nextBoolean()) {
            first = year + "年，本机关共收到政府信息公开申请" + received + "件，上年结转" + carried + "件。";
        } else {
            first = year + "年，本机关新收政府信息公开申请" + received + "件，上年结转政府信息公开申请" + carried + "件。";
        }
        fact(FactNames.APPLICATIONS_RECEIVED, received, first);
        fact(FactNames.APPLICATIONS_CARRIED_OVER, carried, first);
        text.append(first);
        BigDecimal handled = stated(FactNames.APPLICATIONS_HANDLED);
        if (handled.signum() > 0 || outcomeOverridden) {
            StringBuilder s = new StringBuilder("本年度办结" + handled + "件，其中");
            List<String> mentioned = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = FactNames.OUTCOMES.get(i);
                BigDecimal v = stated(name);
                if (v.signum() != 0 || spec.narrativeOverrides().containsKey(name)) {
                    mentioned.add(name);
                    s.append(mentioned.size() == 1 ? "" : "、").append(OUTCOME_WORDS.get(i)).append(v).append("件");
                }
            }
            s.append("。");
            String sentence = s.toString();
            fact(FactNames.APPLICATIONS_HANDLED, handled, sentence);
            mentioned.forEach(name -> fact(name, stated(name), sentence));
            text.append(sentence);
        }
        BigDecimal forward = stated(FactNames.APPLICATIONS_CARRIED_FORWARD);
        String last = forward.signum() > 0 ? "结转下年度继续办理" + forward + "件。" : "无结转下年度继续办理的申请。";
        fact(FactNames.APPLICATIONS_CARRIED_FORWARD, forward, last);
        return text.append(last).toString();
    }

    private String reviews() {
        BigDecimal reviews = stated(FactNames.ADMINISTRATIVE_REVIEWS);
        BigDecimal litigations = stated(FactNames.ADMINISTRATIVE_LITIGATIONS);
        if (reviews.signum() == 0 && litigations.signum() == 0) {
            String s = pick("本年度未发生政府信息公开行政复议、行政诉讼案件。", "全年未发生因政府信息公开引发的行政复议、行政诉讼案件。");
            fact(FactNames.ADMINISTRATIVE_REVIEWS, reviews, s);
            fact(FactNames.ADMINISTRATIVE_LITIGATIONS, litigations, s);
            return s;
        }
        String s = "本年度因政府信息公开被申请行政复议" + reviews + "件，被提起行政诉讼" + litigations + "件。";
        fact(FactNames.ADMINISTRATIVE_REVIEWS, reviews, s);
        fact(FactNames.ADMINISTRATIVE_LITIGATIONS, litigations, s);
        return s;
    }

    private List<Block> problems() {
        return List.of(p(pick("一是政府信息公开的深度和广度还需拓展，部分领域信息更新不够及时；二是政策解读形式较为单一，解读质量有待提高。",
                "工作中还存在一些不足：信息公开的主动性有待增强，依申请公开办理的规范化水平还需提升，工作人员业务能力有待加强。")),
                p(year + 1 + pick("年，将进一步完善政府信息公开工作机制，加强业务培训，丰富公开形式，提升政务公开工作水平。",
                        "年，我们将从以下方面加以改进：一是加强组织领导，二是规范公开流程，三是强化监督考核，推动政府信息公开工作再上新台阶。")));
    }

    private List<Block> other() {
        if (spec.identity().edition() == Edition.E2019) {
            return List.of(p(pick("无其他需要报告的事项。", "本机关无其他需要报告的事项。")));
        }
        int unpaid = FactNames.value(spec.cells(), "t3.other_fee_unpaid.total").intValue();
        int notices = unpaid > 0 ? unpaid + random.nextInt(3) : random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(3);
        if (notices == 0) {
            String s = pick("本机关" + year + "年度未发出收费通知，未收取政府信息公开信息处理费。",
                    year + "年，本机关发出收费通知的件数和总金额及实际收取的总金额均为0。");
            fact(FactNames.FEE_NOTICES, BigDecimal.ZERO, 6, s);
            fact(FactNames.FEES_COLLECTED_YUAN, BigDecimal.ZERO, 6, s);
            return List.of(p(s));
        }
        int amount = notices * (100 + random.nextInt(900));
        int paid = notices - Math.min(notices, unpaid);
        int collected = amount * paid / notices;
        String s = year + "年，本机关发出收费通知" + notices + "件，总金额" + amount + "元，实际收取信息处理费" + collected + "元。";
        fact(FactNames.FEE_NOTICES, BigDecimal.valueOf(notices), 6, s);
        fact(FactNames.FEE_NOTICES_AMOUNT_YUAN, BigDecimal.valueOf(amount), 6, s);
        fact(FactNames.FEES_COLLECTED_YUAN, BigDecimal.valueOf(collected), 6, s);
        return List.of(p(s));
    }

    private BigDecimal stated(String name) {
        BigDecimal override = spec.narrativeOverrides().get(name);
        return override != null ? override : FactNames.tableValue(name, spec.cells()).orElseThrow();
    }

    private void fact(String name, BigDecimal value, String evidence) {
        fact(name, value, 1, evidence);
    }

    private void fact(String name, BigDecimal value, int section, String evidence) {
        facts.add(new StatedFact(name, value, section, evidence, List.of()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static Paragraph p(String text) {
        return new Paragraph(text, false);
    }

    private static Paragraph sub(String text) {
        return new Paragraph(text, true);
    }
}
