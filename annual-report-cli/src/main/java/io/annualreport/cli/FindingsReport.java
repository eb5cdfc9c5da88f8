package io.annualreport.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored report rendered in Chinese for a reviewer in a terminal: identity, verdict, what was read and what was
 * not, why a person must review, then each finding with its cells, pages and evidence. Fields an older store does not
 * send ({@code reading}, cell certainty, the reasons) are left out.
 */
final class FindingsReport {

    private static final int MAX_UNREAD = 20;

    private final JsonNode report;

    FindingsReport(JsonNode report) {
        this.report = report;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        JsonNode identity = report.path("identity");
        out.append(text(identity, "title", text(report, "fileName", "(无标题)"))).append('\n');
        out.append("报告 id: ").append(text(report, "reportId", "")).append("  状态: ")
                .append(Labels.status(text(report, "status", ""))).append('\n');
        out.append("机关: ").append(text(identity, "agency", "未识别")).append("  年度: ")
                .append(text(identity, "year", "未识别")).append("  格式版本: ")
                .append(text(identity, "edition", "未识别")).append('\n');
        JsonNode failure = report.path("failure");
        if (failure.isObject() && "FAILED".equals(text(report, "status", ""))) {
            out.append("处理失败 (").append(text(failure, "stage", "")).append(") ").append(text(failure, "reason", ""))
                    .append(": ").append(text(failure, "message", "")).append('\n');
            return out.toString();
        }
        JsonNode validation = report.path("validation");
        if (!validation.isObject()) {
            return out.append("尚未校验 (not validated yet)\n").toString();
        }
        out.append("结论: ").append(Labels.verdict(text(validation, "verdict", ""))).append("  规则集: ")
                .append(text(validation, "rulesetVersion", "")).append('\n');
        reading(out);
        reasons(out, "需人工复核的原因:", strings(first("reviewReasons")));
        notAssessable(out, validation);
        int i = 0;
        for (JsonNode f : validation.path("findings")) {
            out.append('\n').append(++i).append(". [").append(Labels.severity(f.path("severity").asText()))
                    .append("] ").append(text(f, "ruleId", "")).append(' ').append(text(f, "message", ""))
                    .append('\n');
            if (f.hasNonNull("expected") || f.hasNonNull("actual")) {
                out.append("   应为 ").append(text(f, "expected", "—")).append("，实为 ").append(text(f, "actual", "—"))
                        .append('\n');
            }
            for (JsonNode key : f.path("cells")) {
                out.append("   ").append(cell(key.asText())).append('\n');
            }
            if (f.hasNonNull("section")) {
                out.append("   所在: ").append(Labels.part(f.path("section").asInt())).append('\n');
            }
            if (f.hasNonNull("evidence")) {
                out.append("   依据: ").append(f.path("evidence").asText().replace('\n', ' ').replace('\t', ' '))
                        .append('\n');
            }
        }
        if (i == 0) {
            out.append("\n没有发现问题 (no findings)\n");
        }
        return out.toString();
    }

    /** {@code 单元格 表三 … / 总计 = 12（第 3 页）[t3.new_received.total] 存疑: 文字识别置信度低}. */
    private String cell(String key) {
        JsonNode c = report.path("cells").path(key);
        String label = Labels.cell(key);
        StringBuilder line = new StringBuilder("单元格 ").append(label == null ? key : label + " [" + key + "]")
                .append(" = ").append(c.isObject() ? text(c, "raw", text(c, "value", "")) : "(未读出)");
        if (c.hasNonNull("page")) {
            line.append("（第 ").append(c.path("page").asText()).append(" 页）");
        }
        if ("DOUBTFUL".equals(text(c, "certainty", ""))) {
            line.append(" 存疑");
            if (c.hasNonNull("doubt")) {
                line.append(": ").append(Labels.doubt(c.path("doubt").asText()));
            }
        }
        return line.toString();
    }

    /** The reading coverage: {@code 读取情况: 表二 8/8 行 · 表三 23/25 行 · 表四 1/1 行}, then what was not read. */
    private void reading(StringBuilder out) {
        JsonNode reading = report.path("reading");
        if (!reading.isObject()) {
            return;
        }
        List<String> coverage = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (JsonNode t : reading.path("tables")) {
            String table = Labels.table(text(t, "table", ""));
            String status = text(t, "status", "");
            String line = table + " " + t.path("rowsRead").asInt() + "/" + t.path("rowsExpected").asInt() + " 行";
            if (t.path("cellsDoubtful").asInt() > 0) {
                line += "（存疑单元格 " + t.path("cellsDoubtful").asInt() + "）";
            }
            if (!status.equals("READ") && !status.equals("PARTLY_READ") && !status.isEmpty()) {
                line += "（" + Labels.readingStatus(status) + "）";
            }
            coverage.add(line);
            for (JsonNode u : t.path("unread")) {
                String subject = text(u, "subject", "");
                String label = Labels.cell(subject);
                unread.add(table + " 未读出 " + (label == null ? subject : label + " [" + subject + "]") + ": "
                        + Labels.unreadReason(text(u, "reason", ""))
                        + (u.hasNonNull("detail") ? "（" + u.path("detail").asText() + "）" : ""));
            }
        }
        if (!coverage.isEmpty()) {
            out.append("读取情况: ").append(String.join(" · ", coverage)).append('\n');
        }
        for (JsonNode p : reading.path("parts")) {
            String status = text(p, "status", "READ");
            if (!status.equals("READ")) {
                out.append("   ").append(Labels.part(p.path("part").asInt())).append(' ')
                        .append(Labels.readingStatus(status)).append('\n');
            }
        }
        for (int i = 0; i < unread.size() && i < MAX_UNREAD; i++) {
            out.append("   ").append(unread.get(i)).append('\n');
        }
        if (unread.size() > MAX_UNREAD) {
            out.append("   … 另有 ").append(unread.size() - MAX_UNREAD).append(" 项未读出\n");
        }
        if (reading.has("fileComplete") && !reading.path("fileComplete").asBoolean(true)) {
            out.append("   文件不完整");
            List<String> damage = strings(reading.path("damage"));
            out.append(damage.isEmpty() ? "" : ": " + String.join("；", damage)).append('\n');
        }
        List<String> identityDoubts = strings(reading.path("identityDoubts"));
        if (!identityDoubts.isEmpty()) {
            out.append("   机关或年度存疑: ").append(String.join("；", identityDoubts)).append('\n');
        }
    }

    private void notAssessable(StringBuilder out, JsonNode validation) {
        JsonNode reasons = first("notAssessableReasons");
        List<String> lines = new ArrayList<>();
        if (reasons.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                lines.add(e.getKey() + ": " + e.getValue().asText());
            }
        } else {
            lines.addAll(strings(validation.path("notAssessable")));
        }
        reasons(out, "无法评估的规则:", lines);
    }

    private static void reasons(StringBuilder out, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(heading).append('\n');
        for (String line : lines) {
            out.append("   - ").append(line).append('\n');
        }
    }

    /** A field of the validation, or of the report itself where a store puts it there. */
    private JsonNode first(String field) {
        JsonNode inValidation = report.path("validation").path(field);
        return inValidation.isMissingNode() || inValidation.isNull() ? report.path(field) : inValidation;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isNull()) {
                list.add(n.asText());
            }
        }
        return list;
    }

    static String text(JsonNode node, String field, String fallback) {
        return node == null || !node.hasNonNull(field) ? fallback : node.path(field).asText();
    }
}
