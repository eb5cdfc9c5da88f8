package io.annualreport.corpus;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Identity;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/**
 * Injects exactly one defect class into a consistent generated report, in the truth and therefore in every
 * rendering, and records which rule ids must fire; the narrative is rewritten from the mutated tables unless the
 * narrative itself is the defect.
 */
public final class Mutator {

    private static final List<String> APPLICANT_COLUMNS = TemplateRegistry.t3Columns().stream()
            .map(ColumnDef::key).filter(k -> !k.equals("total")).toList();
    private static final List<String> T4_GROUPS = List.of("review", "litigation_direct", "litigation_after_review");
    private static final List<String> GROUP_PREFIXES = List.of("withheld_", "unavailable_", "not_processed_", "other_");
    private static final int MENTIONED_YEAR = 2023;

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** The report with one defect of the class injected; the report must not be mutated already. */
    public GeneratedReport mutate(GeneratedReport report, Mutation mutation) {
        if (report.mutation().isPresent()) {
            throw new IllegalArgumentException("Report already carries " + report.mutation().get());
        }
        ReportSpec spec = report.spec();
        Map<String, Cell> cells = new LinkedHashMap<>(spec.cells());
        Identity identity = spec.identity();
        Map<String, BigDecimal> overrides = spec.narrativeOverrides();
        Set<Integer> omitted = spec.omittedParts();
        List<String> rules = List.of(mutation.candidateRuleIds().get(0));
        int d = 1 + random.nextInt(5);
        switch (mutation) {
            case WRONG_ROW_TOTAL -> {
                RowDef row = pick(details(report.edition()));
                add(cells, TemplateRegistry.t3(row.key(), "total"), d);
                add(cells, TemplateRegistry.t3("total_handled", "total"), d);
                add(cells, TemplateRegistry.t3("new_received", "total"), d);
            }
            case WRONG_GRAND_TOTAL -> {
                String column = pick(APPLICANT_COLUMNS);
                for (String row : List.of("total_handled", "new_received")) {
                    add(cells, TemplateRegistry.t3(row, column), d);
                    add(cells, TemplateRegistry.t3(row, "total"), d);
                }
            }
            case BROKEN_IDENTITY -> {
                String column = pick(APPLICANT_COLUMNS);
                add(cells, TemplateRegistry.t3("carried_over", column), d);
                add(cells, TemplateRegistry.t3("carried_over", "total"), d);
            }
            case WRONG_T4_TOTAL -> {
                int group = random.nextInt(T4_GROUPS.size());
                add(cells, TemplateRegistry.t4(T4_GROUPS.get(group) + "_total"), d);
                rules = List.of(mutation.candidateRuleIds().get(group));
            }
            case NARRATIVE_COUNT_MISMATCH -> {
                Map<String, BigDecimal> stated = new LinkedHashMap<>(overrides);
                BigDecimal received = FactNames.tableValue(FactNames.APPLICATIONS_RECEIVED, cells).orElseThrow();
                BigDecimal carried = FactNames.tableValue(FactNames.APPLICATIONS_CARRIED_OVER, cells).orElseThrow();
                if (received.add(carried).signum() == 0 || random.nextBoolean()) {
                    stated.put(FactNames.APPLICATIONS_RECEIVED, received.add(carried).add(BigDecimal.valueOf(d)));
                    rules = List.of("X-02");
                } else {
                    String outcome = pick(FactNames.OUTCOMES);
                    stated.put(outcome, FactNames.tableValue(outcome, cells).orElseThrow().add(BigDecimal.valueOf(d)));
                    rules = List.of("X-06");
                }
                overrides = Map.copyOf(stated);
            }
            case OLD_FORMAT_TABLE_IN_2023_REPORT -> {
                cells = oldFormat(cells, report.edition());
                String title = identity.title().replace(identity.year() + "年", MENTIONED_YEAR + "年");
                identity = new Identity(title, identity.agency(), identity.region(), MENTIONED_YEAR, Edition.E2019,
                        identity.foundBy());
            }
            case MISSING_PART -> omitted = Set.of(5 + random.nextInt(2));
            case BLANK_CELL -> {
                List<String> zeros = CorpusGenerator.zeroCellKeys(cells, "t3.");
                zeros.addAll(CorpusGenerator.zeroCellKeys(cells, "t4."));
                if (zeros.isEmpty()) {
                    zeros = CorpusGenerator.zeroCellKeys(cells, "t2.");
                }
                String key = zeros.isEmpty() ? "t3.withheld_state_secret.research_institution" : pick(zeros);
                cells.put(key, CorpusGenerator.unreadable(CellSemantic.EMPTY));
            }
            case NEGATIVE_COUNT -> negative(cells, report.edition());
            case FEE_IN_YUAN -> {
                String key = report.edition() == Edition.E2019
                        ? "t2.procurement.amount_10k_yuan"
                        : "t2.fees.amount_10k_yuan";
                long yuan = random.nextBoolean() ? 1_000 + random.nextInt(900_000) : 100_000 + random.nextInt(900_000);
                boolean suffix = yuan < 100_000 || random.nextBoolean();
                cells.put(key, Cell.of(yuan + (suffix ? "元" : ""), BigDecimal.valueOf(yuan), CellSemantic.NUMERIC));
            }
        }
        ReportSpec mutated = new ReportSpec(spec.seed(), identity, Collections.unmodifiableMap(cells),
                spec.henanUnitLabels(), spec.narrativeSeed(), overrides, omitted, spec.noise(), mutation, rules);
        return ReportAssembler.assemble(mutated);
    }

    private void negative(Map<String, Cell> cells, Edition edition) {
        if (random.nextBoolean()) {
            List<String> counts = cells.keySet().stream().filter(k -> k.startsWith("t2.") && !k.endsWith(".change")
                    && !k.endsWith("amount_10k_yuan")).toList();
            String key = pick(counts);
            long value = -(1 + random.nextInt(20));
            cells.put(key, Cell.of(Long.toString(value), BigDecimal.valueOf(value), CellSemantic.NUMERIC));
            return;
        }
        String prefix = pick(GROUP_PREFIXES.subList(0, edition == Edition.E2019 ? 3 : 4));
        List<RowDef> group = details(edition).stream().filter(r -> r.key().startsWith(prefix)).toList();
        RowDef from = pick(group);
        RowDef to = pick(group.stream().filter(r -> r != from).toList());
        String column = pick(APPLICANT_COLUMNS);
        long k = FactNames.value(cells, TemplateRegistry.t3(from.key(), column)).longValue() + 1 + random.nextInt(3);
        add(cells, TemplateRegistry.t3(from.key(), column), -k);
        add(cells, TemplateRegistry.t3(from.key(), "total"), -k);
        add(cells, TemplateRegistry.t3(to.key(), column), k);
        add(cells, TemplateRegistry.t3(to.key(), "total"), k);
    }

    /** The same numbers in the 2019 layout: 2019 T2 drawn afresh, 三(六)'s three rows summed into one. */
    private Map<String, Cell> oldFormat(Map<String, Cell> cells, Edition edition) {
        if (edition == Edition.E2019) {
            return cells;
        }
        Map<String, Cell> t2 = new TableNumbers(random).t2(Edition.E2019, AgencyNames.Kind.DEPARTMENT,
                TableNumbers.Scale.SMALL);
        Map<String, Cell> old = new LinkedHashMap<>();
        for (CellDef def : TemplateRegistry.cells(Edition.E2019)) {
            String key = def.key();
            if (key.startsWith("t2.")) {
                old.put(key, t2.get(key));
            } else if (key.startsWith("t3.other_handling.")) {
                String column = def.column().key();
                long sum = 0;
                for (String row : List.of("other_no_correction", "other_fee_unpaid", "other_other")) {
                    sum += FactNames.value(cells, TemplateRegistry.t3(row, column)).longValue();
                }
                old.put(key, TableNumbers.count(sum));
            } else {
                old.put(key, cells.get(key));
            }
        }
        return old;
    }

    private static List<RowDef> details(Edition edition) {
        return TemplateRegistry.t3Rows(edition).stream()
                .filter(r -> !r.groups().isEmpty() && !r.key().equals("total_handled")).toList();
    }

    private static void add(Map<String, Cell> cells, String key, long delta) {
        cells.put(key, TableNumbers.count(FactNames.value(cells, key).longValue() + delta));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
