package io.annualreport.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** One stored report rendered for a reviewer in a terminal: identity, verdict, then each finding with its evidence. */
final class FindingsReport {

    private final JsonNode report;

    FindingsReport(JsonNode report) {
        this.report = report;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        JsonNode identity = report.path("identity");
        out.append(PipelineCli.text(identity, "title", PipelineCli.text(report, "fileName", "(无标题)"))).append('\n');
        out.append("报告 id: ").append(PipelineCli.text(report, "reportId", "")).append("  状态: ")
                .append(PipelineCli.text(report, "status", "")).append('\n');
        out.append("机关: ").append(PipelineCli.text(identity, "agency", "未识别")).append("  年度: ")
                .append(PipelineCli.text(identity, "year", "未识别")).append("  格式版本: ")
                .append(PipelineCli.text(identity, "edition", "未识别")).append('\n');
        JsonNode failure = report.path("failure");
        if (failure.isObject()) {
            out.append("处理失败 (").append(PipelineCli.text(failure, "stage", "")).append(") ")
                    .append(PipelineCli.text(failure, "reason", "")).append(": ")
                    .append(PipelineCli.text(failure, "message", "")).append('\n');
            return out.toString();
        }
        JsonNode validation = report.path("validation");
        if (!validation.isObject()) {
            return out.append("尚未校验 (not validated yet)\n").toString();
        }
        out.append("结论: ").append(PipelineCli.text(validation, "verdict", "")).append("  规则集: ")
                .append(PipelineCli.text(validation, "rulesetVersion", "")).append('\n');
        int i = 0;
        for (JsonNode f : validation.path("findings")) {
            out.append('\n').append(++i).append(". [").append(severity(f.path("severity").asText())).append("] ")
                    .append(PipelineCli.text(f, "ruleId", "")).append(' ').append(PipelineCli.text(f, "message", ""))
                    .append('\n');
            if (f.hasNonNull("expected") || f.hasNonNull("actual")) {
                out.append("   应为 ").append(PipelineCli.text(f, "expected", "—")).append("，实为 ")
                        .append(PipelineCli.text(f, "actual", "—")).append('\n');
            }
            for (JsonNode cell : f.path("cells")) {
                JsonNode c = report.path("cells").path(cell.asText());
                out.append("   单元格 ").append(cell.asText()).append(" = ")
                        .append(c.isObject() ? PipelineCli.text(c, "raw", "") : "(缺)").append('\n');
            }
            if (f.hasNonNull("evidence")) {
                out.append("   依据: ").append(f.path("evidence").asText().replace('\n', ' ').replace('\t', ' '))
                        .append('\n');
            }
        }
        if (i == 0) {
            out.append("没有发现问题 (no findings)\n");
        }
        return out.toString();
    }

    private static String severity(String s) {
        return switch (s) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            case "INFO" -> "提示";
            default -> s;
        };
    }
}
