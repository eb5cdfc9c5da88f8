package io.annualreport.cli;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of a batch: one row per submission as a table or as JSON, and the exit code of the whole batch (the most
 * serious of its reports).
 */
final class Results {

    private final List<Submission> submissions;
    private final Map<String, JsonNode> reports;
    private final boolean waited;

    /**
     * @param reports the finished reports by id
     * @param waited false when the command only uploaded (accepted reports are then SUBMITTED, not late)
     */
    Results(List<Submission> submissions, Map<String, JsonNode> reports, boolean waited) {
        this.submissions = submissions;
        this.reports = reports;
        this.waited = waited;
    }

    int exitCode() {
        int code = ExitCodes.OK;
        for (Submission s : submissions) {
            if (s.error() != null) {
                code = ExitCodes.worst(code, s.errorCode());
            } else if (waited) {
                code = ExitCodes.worst(code, ExitCodes.of(reports.get(s.reportId())));
            }
        }
        return code;
    }

    String table() {
        TextTable table = new TextTable("文件 file", "机关 agency", "年度 year", "状态 status", "结论 verdict", "错误",
                "警告", "报告 id");
        for (Submission s : submissions) {
            if (s.error() != null) {
                table.add(s.name(), "", "", s.errorCode() == ExitCodes.USAGE ? "NOT_SENT" : "REFUSED", s.error(), "",
                        "", "");
                continue;
            }
            JsonNode r = reports.get(s.reportId());
            if (r == null) {
                table.add(s.name(), "", "", waited ? "TIMEOUT" : "SUBMITTED", waited ? "仍在处理 still processing" : "",
                        "", "", s.reportId());
                continue;
            }
            JsonNode identity = r.path("identity");
            JsonNode validation = r.path("validation");
            String status = r.path("status").asText("");
            String verdict = status.equals("FAILED")
                    ? FindingsReport.text(r.path("failure"), "reason", "")
                    : Labels.verdict(FindingsReport.text(validation, "verdict", ""));
            boolean validated = validation.isObject() && !status.equals("FAILED");
            table.add(s.name(), FindingsReport.text(identity, "agency", ""), FindingsReport.text(identity, "year", ""),
                    status, verdict, validated ? Integer.toString(count(validation, "ERROR")) : "",
                    validated ? Integer.toString(count(validation, "WARNING")) : "", s.reportId());
        }
        return table.render();
    }

    ObjectNode json() {
        ObjectNode root = PipelineClient.JSON.createObjectNode();
        root.put("exitCode", exitCode());
        ArrayNode rows = root.putArray("reports");
        for (Submission s : submissions) {
            ObjectNode row = rows.addObject();
            row.put("file", s.file());
            row.put("name", s.name());
            row.put("reportId", s.reportId());
            if (s.error() != null) {
                row.put("status", s.errorCode() == ExitCodes.USAGE ? "NOT_SENT" : "REFUSED");
                row.put("error", s.error());
                row.put("exitCode", s.errorCode());
                continue;
            }
            JsonNode r = reports.get(s.reportId());
            if (r == null) {
                row.put("status", waited ? "TIMEOUT" : "SUBMITTED");
                row.put("exitCode", waited ? ExitCodes.UNREACHABLE : ExitCodes.OK);
                continue;
            }
            JsonNode validation = r.path("validation");
            row.put("status", r.path("status").asText(""));
            row.put("exitCode", ExitCodes.of(r));
            row.set("agency", r.path("identity").path("agency").isMissingNode()
                    ? null
                    : r.path("identity").path("agency"));
            row.set("year", r.path("identity").path("year").isMissingNode() ? null : r.path("identity").path("year"));
            if (validation.isObject()) {
                String verdict = validation.path("verdict").asText("");
                row.put("verdict", verdict);
                row.put("verdictLabel", Labels.verdict(verdict).replace(" " + verdict, ""));
                row.put("errors", count(validation, "ERROR"));
                row.put("warnings", count(validation, "WARNING"));
            }
            if (r.path("failure").isObject() && "FAILED".equals(r.path("status").asText())) {
                row.set("failure", r.path("failure"));
            }
        }
        return root;
    }

    private static int count(JsonNode validation, String severity) {
        int n = 0;
        for (JsonNode f : validation.path("findings")) {
            if (severity.equals(f.path("severity").asText())) {
                n++;
            }
        }
        return n;
    }
}
