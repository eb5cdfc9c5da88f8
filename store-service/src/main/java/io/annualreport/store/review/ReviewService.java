package io.annualreport.store.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.review.FindingDecision;
import io.annualreport.model.review.Rectification;
import io.annualreport.model.review.ReviewState;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.model.validation.Verdict;
import io.annualreport.rules.catalogue.RuleRegistry;
import io.annualreport.rules.engine.RuleSpec;
import io.annualreport.store.persistence.ReportDetail;
import io.annualreport.store.persistence.ReportQueries;
import io.annualreport.store.persistence.ReportReader;
import io.annualreport.store.persistence.ReportSummary;
import io.annualreport.store.persistence.ReviewRecords;
import io.annualreport.store.service.Revalidation;

/**
 * What a reviewer does to one report, between the REST adapter and the records: correct a cell, decide on a finding,
 * move the review state, and the review as a whole with rectification against the previous version.
 */
@ApplicationScoped
public class ReviewService {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Map<String, RuleSpec> RULES = RuleRegistry.all().stream().map(r -> r.spec())
            .collect(Collectors.toMap(RuleSpec::id, Function.identity(), (a, b) -> a));

    private final ReportReader reader;
    private final ReportQueries queries;
    private final ReviewRecords records;
    private final Revalidation revalidation;

    public ReviewService(ReportReader reader, ReportQueries queries, ReviewRecords records,
            Revalidation revalidation) {
        this.reader = reader;
        this.queries = queries;
        this.records = records;
        this.revalidation = revalidation;
    }

    /**
     * A stored correction and the revalidation it asked for.
     *
     * @param revalidationEventId the id of the revalidation request, null when the report has no stored parse run
     */
    public record CorrectionResult(ReviewRecords.Correction correction, UUID revalidationEventId) {
    }

    /** The catalogue entry of a rule, if the rule is known to this build. */
    public static Optional<RuleSpec> rule(String ruleId) {
        return Optional.ofNullable(RULES.get(ruleId));
    }

    /** The Chinese label of a cell key (表三 … / 总计), or the key itself for a key the template does not know. */
    public static String cellLabel(String key) {
        return TemplateRegistry.cell(key).map(CellDef::label).orElse(key);
    }

    /** The review of the report, or empty when the store has never seen it. */
    public Optional<ReviewView> review(String reportId) {
        return reader.detail(reportId).map(detail -> review(detail));
    }

    private ReviewView review(ReportDetail detail) {
        String reportId = detail.reportId();
        List<ReviewRecords.StateChange> history = records.stateHistory(reportId);
        ReviewState state = history.isEmpty() ? ReviewState.PENDING : history.get(history.size() - 1).state();
        Map<String, ReviewRecords.Decision> decided = new LinkedHashMap<>();
        Map<String, List<ReviewRecords.Decision>> notes = new LinkedHashMap<>();
        for (ReviewRecords.Decision d : records.decisions(reportId)) {
            if (d.decision() == FindingDecision.NOTE) {
                notes.computeIfAbsent(d.findingKey(), k -> new ArrayList<>()).add(d);
            } else {
                decided.put(d.findingKey(), d);
            }
        }
        PreviousVersion previous = previousVersion(reportId);
        Set<String> previousKeys = previous == null ? Set.of() : previous.keys();
        List<ReviewView.FindingReview> findings = new ArrayList<>();
        List<ReportDetail.FindingView> current = detail.validation() == null
                ? List.of()
                : detail.validation().findings();
        Set<String> currentKeys = new HashSet<>();
        for (ReportDetail.FindingView f : current) {
            String key = FindingKeys.of(f.ruleId(), f.cells());
            currentKeys.add(key);
            ReviewRecords.Decision d = decided.get(key);
            List<String> cells = f.cells() == null ? List.of() : f.cells();
            List<Integer> pages = cells.stream().map(c -> detail.cells().get(c)).filter(Objects::nonNull)
                    .map(ReportDetail.CellView::page).filter(Objects::nonNull).distinct().sorted().toList();
            findings.add(new ReviewView.FindingReview(key, f.ruleId(),
                    rule(f.ruleId()).map(RuleSpec::title).orElse(null), f.severity(), f.message(), cells,
                    cells.stream().map(ReviewService::cellLabel).toList(), pages, f.section(), f.expected(),
                    f.actual(), f.evidence(), d == null ? null : d.decision(),
                    d == null ? null : d.decision().label(), d == null ? null : d.reason(),
                    d == null ? null : d.by(), d == null ? null : d.at(), notes.getOrDefault(key, List.of()),
                    d == null || d.decision() != FindingDecision.DISMISSED,
                    previousKeys.contains(key) ? Rectification.OPEN : null));
        }
        ReviewView.PreviousVersion previousView = previous == null
                ? null
                : new ReviewView.PreviousVersion(previous.reportId(), previous.findings().stream().map(f -> {
                    String key = FindingKeys.of(f.ruleId(), f.cells());
                    Rectification status = currentKeys.contains(key) ? Rectification.OPEN : Rectification.RESOLVED;
                    return new ReviewView.PreviousFinding(key, f.ruleId(), f.message(), f.cells(), status,
                            status.label());
                }).toList());
        String verdict = detail.validation() == null ? null : detail.validation().verdict();
        return new ReviewView(reportId, detail.identity() == null ? null : detail.identity().agency(),
                detail.identity() == null ? null : detail.identity().year(), verdict, verdictLabel(verdict), state,
                state.label(), history, findings, records.corrections(reportId), previousView);
    }

    private record PreviousVersion(String reportId, List<ReportDetail.FindingView> findings) {
        Set<String> keys() {
            return findings.stream().map(f -> FindingKeys.of(f.ruleId(), f.cells())).collect(Collectors.toSet());
        }
    }

    /** The version of the same agency-year submitted just before this one, with its findings; null when none. */
    private PreviousVersion previousVersion(String reportId) {
        Optional<Map.Entry<String, Integer>> group = queries.versionGroup(reportId);
        if (group.isEmpty()) {
            return null;
        }
        List<ReportSummary> versions = queries.versions(group.get().getKey(), group.get().getValue());
        for (int i = 0; i < versions.size() - 1; i++) {
            if (versions.get(i).reportId().equals(reportId)) {
                String previousId = versions.get(i + 1).reportId();
                return reader.detail(previousId)
                        .map(d -> new PreviousVersion(previousId,
                                d.validation() == null ? List.of() : d.validation().findings()))
                        .orElse(null);
            }
        }
        return null;
    }

    /**
     * Stores a reviewer's value of a cell as its new version and asks for the report to be validated again.
     *
     * @throws ReviewException for a key the template does not know or a value that is not a number
     */
    public CorrectionResult correct(String reportId, String cellKey, String value, String note, String by) {
        if (TemplateRegistry.cell(cellKey).isEmpty()) {
            throw new ReviewException("UNKNOWN_CELL", "no cell " + cellKey + " in the national format");
        }
        String raw = value == null ? "" : value.strip();
        String digits = raw.replace(",", "").replace("，", "").replace(" ", "");
        if (!NUMBER.matcher(digits).matches()) {
            throw new ReviewException("INVALID_VALUE", "the value of a cell is a number such as 12 or 3.5, not '"
                    + raw + "'");
        }
        ReviewRecords.Correction correction = records.addCorrection(reportId, cellKey, new BigDecimal(digits), raw,
                blankToNull(note), by);
        // the rules run again on the stored parse run with the corrections laid over it, without parsing again
        UUID requested = revalidation.request(reportId, RevalidationCause.CELLS_CORRECTED, by, Map.of(), null)
                .map(ReportRevalidationRequestedEvent::eventId).orElse(null);
        return new CorrectionResult(correction, requested);
    }

    /**
     * Stores a reviewer's decision or note on a finding of the report's current validation run.
     *
     * @throws ReviewException for a finding the report does not have, or a dismissal without a reason
     */
    public ReviewRecords.Decision decide(ReportDetail detail, String findingKey, FindingDecision decision,
            String reason, String by) {
        ReportDetail.FindingView finding = (detail.validation() == null
                ? List.<ReportDetail.FindingView>of()
                : detail.validation().findings()).stream()
                .filter(f -> FindingKeys.of(f.ruleId(), f.cells()).equals(findingKey)).findFirst()
                .orElseThrow(() -> new ReviewException("UNKNOWN_FINDING",
                        "report " + detail.reportId() + " has no finding " + findingKey));
        if (decision != FindingDecision.CONFIRMED && blankToNull(reason) == null) {
            throw new ReviewException("REASON_REQUIRED", decision == FindingDecision.DISMISSED
                    ? "say why the finding is dismissed"
                    : "a note needs its text");
        }
        return records.addDecision(detail.reportId(), findingKey, finding.ruleId(), decision, blankToNull(reason),
                by);
    }

    /** The review letter of the report: every finding not dismissed; empty when the store has never seen it. */
    public Optional<LetterContent> letter(String reportId) {
        return reader.detail(reportId).map(detail -> {
            ReviewView review = review(detail);
            Map<String, ReviewRecords.Correction> corrected = records.currentCorrections(reportId);
            List<LetterContent.Item> items = new ArrayList<>();
            for (ReviewView.FindingReview f : review.findings()) {
                if (!f.inLetter()) {
                    continue;
                }
                List<String> cells = f.cells().stream().map(key -> cellLine(key, detail.cells().get(key),
                        corrected.get(key))).toList();
                items.add(new LetterContent.Item(items.size() + 1, severityLabel(f.severity()), f.ruleId(),
                        f.ruleTitle(), rule(f.ruleId()).map(RuleSpec::formula).orElse(null), f.message(), cells,
                        f.pages(), f.evidence(), f.decisionLabel()));
            }
            return new LetterContent(reportId, review.agency(), review.year(), review.verdictLabel(),
                    review.stateLabel(), LocalDate.now(ZoneId.of("Asia/Shanghai")), items);
        });
    }

    private static String cellLine(String key, ReportDetail.CellView cell, ReviewRecords.Correction correction) {
        StringBuilder line = new StringBuilder(cellLabel(key));
        if (correction != null) {
            line.append(" ").append(correction.raw()).append("（人工更正，原读取为")
                    .append(cell == null || cell.raw() == null ? "空" : cell.raw()).append("）");
        } else if (cell != null) {
            line.append(" ").append(cell.raw() != null ? cell.raw() : String.valueOf(cell.value()));
        }
        if (cell != null && cell.page() != null) {
            line.append("（第").append(cell.page()).append("页）");
        }
        return line.toString();
    }

    static String severityLabel(String severity) {
        return switch (severity == null ? "" : severity) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            case "INFO" -> "提示";
            default -> severity;
        };
    }

    /** Moves the report's review state. */
    public ReviewRecords.StateChange changeState(String reportId, ReviewState state, String note, String by) {
        return records.changeState(reportId, state, blankToNull(note), by);
    }

    static String verdictLabel(String verdict) {
        if (verdict == null) {
            return null;
        }
        try {
            return Verdict.valueOf(verdict).label();
        } catch (IllegalArgumentException e) {
            return verdict;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
