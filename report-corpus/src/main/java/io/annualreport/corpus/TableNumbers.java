package io.annualreport.corpus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.template.CellDef;
import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.TemplateRegistry;

/** Draws random but consistent numbers for T2, T3 and T4 at the scale of the publishing agency. */
final class TableNumbers {

    /** How busy the agency is: most townships have nothing, a city government has thousands. */
    enum Scale {
        ZERO, SMALL, MEDIUM, LARGE
    }

    private static final Map<String, Double> ROW_WEIGHTS = Map.ofEntries(Map.entry("disclosed", 40.0),
            Map.entry("partially_disclosed", 8.0), Map.entry("withheld_state_secret", 0.2),
            Map.entry("withheld_prohibited_by_law", 0.5), Map.entry("withheld_security_stability", 0.3),
            Map.entry("withheld_third_party_rights", 1.5), Map.entry("withheld_internal_affairs", 1.5),
            Map.entry("withheld_process_information", 2.0), Map.entry("withheld_enforcement_files", 0.5),
            Map.entry("withheld_administrative_query", 1.0), Map.entry("unavailable_not_held", 25.0),
            Map.entry("unavailable_needs_creation", 4.0), Map.entry("unavailable_unclear", 3.0),
            Map.entry("not_processed_petition", 3.0), Map.entry("not_processed_duplicate", 3.0),
            Map.entry("not_processed_publication", 0.5), Map.entry("not_processed_mass_repeated", 0.5),
            Map.entry("not_processed_confirmation", 1.0), Map.entry("other_no_correction", 3.0),
            Map.entry("other_fee_unpaid", 0.3), Map.entry("other_other", 2.0), Map.entry("other_handling", 5.0));

    private final Random random;

    TableNumbers(Random random) {
        this.random = random;
    }

    static Scale scaleFor(AgencyNames.Kind kind, Random random) {
        int roll = random.nextInt(100);
        int[] thresholds = switch (kind) {
            case TOWNSHIP -> new int[]{75, 98, 100};
            case DEPARTMENT -> new int[]{50, 85, 98};
            case COUNTY_GOVERNMENT -> new int[]{10, 50, 90};
            case CITY_GOVERNMENT -> new int[]{0, 10, 50};
        };
        return roll < thresholds[0]
                ? Scale.ZERO
                : roll < thresholds[1] ? Scale.SMALL : roll < thresholds[2] ? Scale.MEDIUM : Scale.LARGE;
    }

    /** Every cell of the edition, in printed order. */
    Map<String, Cell> draw(Edition edition, AgencyNames.Kind kind, Scale scale) {
        Map<String, Cell> drawn = new HashMap<>();
        drawn.putAll(t2(edition, kind, scale));
        drawn.putAll(t3(edition, scale));
        drawn.putAll(t4(scale));
        Map<String, Cell> ordered = new LinkedHashMap<>();
        for (CellDef def : TemplateRegistry.cells(edition)) {
            ordered.put(def.key(), drawn.get(def.key()));
        }
        return ordered;
    }

    Map<String, Cell> t3(Edition edition, Scale scale) {
        List<RowDef> rows = TemplateRegistry.t3Rows(edition);
        List<ColumnDef> columns = TemplateRegistry.t3Columns();
        int applicants = columns.size() - 1;
        int received = switch (scale) {
            case ZERO -> 0;
            case SMALL -> 1 + random.nextInt(20);
            case MEDIUM -> 20 + random.nextInt(280);
            case LARGE -> 300 + random.nextInt(4700);
        };
        int carried = received == 0 || random.nextBoolean() ? 0 : random.nextInt(received / 8 + 2);
        double[] applicantWeights = {60 + random.nextInt(36), sparse(0.5, 25), sparse(0.85, 2), sparse(0.8, 3),
                sparse(0.6, 10), sparse(0.6, 5)};
        long[] newByColumn = allocate(received, applicantWeights);
        long[] carriedByColumn = allocate(carried, applicantWeights);

        List<RowDef> details = rows.stream().filter(r -> !r.groups().isEmpty() && !r.key().equals("total_handled"))
                .toList();
        double[] rowWeights = new double[details.size()];
        for (int i = 0; i < details.size(); i++) {
            double base = ROW_WEIGHTS.getOrDefault(details.get(i).key(), 1.0);
            boolean dropped = i > 0 && random.nextDouble() < (base < 2 ? 0.6 : 0.25);
            rowWeights[i] = dropped ? 0 : base * (0.3 + random.nextDouble() * 1.4);
        }
        long[][] detail = new long[details.size()][applicants];
        long[] forward = new long[applicants];
        for (int c = 0; c < applicants; c++) {
            long available = newByColumn[c] + carriedByColumn[c];
            forward[c] = random.nextInt(10) < 6 ? 0 : (long) Math.floor(available * random.nextDouble() * 0.15);
            long[] split = allocate(available - forward[c], rowWeights);
            for (int r = 0; r < details.size(); r++) {
                detail[r][c] = split[r];
            }
        }
        long[] handled = new long[applicants];
        Map<String, Cell> cells = new HashMap<>();
        putRow(cells, "new_received", newByColumn);
        putRow(cells, "carried_over", carriedByColumn);
        for (int r = 0; r < details.size(); r++) {
            putRow(cells, details.get(r).key(), detail[r]);
            for (int c = 0; c < applicants; c++) {
                handled[c] += detail[r][c];
            }
        }
        putRow(cells, "total_handled", handled);
        putRow(cells, "carried_forward", forward);
        return cells;
    }

    private static void putRow(Map<String, Cell> cells, String row, long[] applicants) {
        List<String> keys = CellKeys.t3Row(row);
        long total = 0;
        for (int c = 0; c < applicants.length; c++) {
            cells.put(keys.get(c), count(applicants[c]));
            total += applicants[c];
        }
        cells.put(keys.get(applicants.length), count(total));
    }

    Map<String, Cell> t4(Scale scale) {
        int chance = switch (scale) {
            case ZERO -> 3;
            case SMALL -> 15;
            case MEDIUM -> 50;
            case LARGE -> 90;
        };
        Map<String, Cell> cells = new HashMap<>();
        boolean active = random.nextInt(100) < chance;
        int cap = switch (scale) {
            case ZERO, SMALL -> 3;
            case MEDIUM -> 20;
            case LARGE -> 400;
        };
        for (String group : List.of("review", "litigation_direct", "litigation_after_review")) {
            int limit = group.equals("review") ? cap : Math.max(1, cap / 3);
            int total = !active || (!group.equals("review") && random.nextBoolean()) ? 0 : 1 + random.nextInt(limit);
            long[] outcomes = allocate(total, new double[]{60 * random.nextDouble() + 1, sparse(0.5, 10),
                    sparse(0.5, 15), sparse(0.4, 15)});
            String[] names = {"upheld", "corrected", "other", "pending"};
            for (int i = 0; i < 4; i++) {
                cells.put(CellKeys.t4(group + "_" + names[i]), count(outcomes[i]));
            }
            cells.put(CellKeys.t4(group + "_total"), count(total));
        }
        return cells;
    }

    Map<String, Cell> t2(Edition edition, AgencyNames.Kind kind, Scale scale) {
        boolean rulemaker = kind == AgencyNames.Kind.CITY_GOVERNMENT;
        boolean quiet = scale == Scale.ZERO && kind == AgencyNames.Kind.TOWNSHIP;
        int decisionsCap = switch (scale) {
            case ZERO -> 5;
            case SMALL -> 200;
            case MEDIUM -> 2000;
            case LARGE -> 20000;
        };
        Map<String, Cell> cells = new HashMap<>();
        if (edition == Edition.E2019) {
            documents2019(cells, "regulations", rulemaker ? 6 : 0);
            documents2019(cells, "normative_documents", quiet ? 0 : 12);
            for (String row : List.of("licensing", "other_services", "penalty", "coercion")) {
                items2019(cells, row, quiet ? 0 : decisionsCap / (row.equals("coercion") ? 20 : 1), true);
            }
            items2019(cells, "fees", quiet ? 0 : 30, false);
            int procurements = quiet || random.nextBoolean() ? 0 : 1 + random.nextInt(40);
            cells.put("t2.procurement.items", count(procurements));
            cells.put("t2.procurement.amount_10k_yuan", procurements == 0 ? count(0) : amount());
        } else {
            documents2021(cells, "regulations", rulemaker ? 6 : 0);
            documents2021(cells, "normative_documents", quiet ? 0 : 12);
            cells.put("t2.licensing.decisions", count(maybe(decisionsCap)));
            cells.put("t2.penalty.decisions", count(maybe(decisionsCap / 2)));
            cells.put("t2.coercion.decisions", count(maybe(decisionsCap / 20)));
            cells.put("t2.fees.amount_10k_yuan", quiet || random.nextInt(100) < 75 ? count(0) : amount());
        }
        return cells;
    }

    private void documents2021(Map<String, Cell> cells, String row, int cap) {
        long issued = maybe(cap);
        long repealed = cap == 0 ? 0 : maybe(cap / 3 + 1);
        long inForce = cap == 0 && issued == 0 ? 0 : issued + random.nextInt(cap * 8 + 1);
        cells.put("t2." + row + ".issued", count(issued));
        cells.put("t2." + row + ".repealed", count(repealed));
        cells.put("t2." + row + ".in_force", count(inForce));
    }

    private void documents2019(Map<String, Cell> cells, String row, int cap) {
        long made = maybe(cap);
        long published = made == 0 ? 0 : made - random.nextInt((int) made + 1) / 3;
        long total = published + (cap == 0 ? 0 : random.nextInt(cap * 8 + 1));
        cells.put("t2." + row + ".newly_made", count(made));
        cells.put("t2." + row + ".newly_published", count(published));
        cells.put("t2." + row + ".total_published", count(total));
    }

    private void items2019(Map<String, Cell> cells, String row, int cap, boolean decisions) {
        long previous = maybe(cap == 0 ? 0 : Math.max(1, cap / 10));
        long change = previous == 0 && random.nextBoolean() ? 0 : random.nextInt((int) previous + 3) - previous / 2;
        cells.put("t2." + row + ".previous_year_items", count(previous));
        cells.put("t2." + row + ".change", signed(change));
        if (decisions) {
            cells.put("t2." + row + ".decisions", count(maybe(cap)));
        }
    }

    private long maybe(int cap) {
        return cap <= 0 || random.nextBoolean() ? 0 : random.nextInt(cap + 1);
    }

    private double sparse(double zeroChance, int max) {
        return random.nextDouble() < zeroChance ? 0 : random.nextDouble() * max;
    }

    private Cell amount() {
        int scale = random.nextInt(5);
        BigDecimal value = BigDecimal.valueOf(random.nextDouble() * 500 + 0.01).setScale(scale, RoundingMode.HALF_UP);
        if (value.signum() == 0) {
            value = BigDecimal.ONE;
        }
        return Cell.of(value.toPlainString(), value, CellSemantic.NUMERIC);
    }

    private Cell signed(long change) {
        if (change == 0) {
            return count(0);
        }
        String raw = switch (random.nextInt(3)) {
            case 0 -> (change > 0 ? "+" : "-") + Math.abs(change);
            case 1 -> (change > 0 ? "增" : "减") + Math.abs(change);
            default -> Long.toString(change);
        };
        return Cell.of(raw, BigDecimal.valueOf(change), CellSemantic.NUMERIC);
    }

    static Cell count(long value) {
        return Cell.of(Long.toString(value), BigDecimal.valueOf(value), value == 0
                ? CellSemantic.ZERO
                : CellSemantic.NUMERIC);
    }

    /** Splits n into parts proportional to the weights; the remainder goes to randomly drawn parts. */
    long[] allocate(long n, double[] weights) {
        long[] parts = new long[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (n <= 0) {
            return parts;
        }
        if (sum <= 0) {
            parts[0] = n;
            return parts;
        }
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            parts[i] = (long) Math.floor(n * weights[i] / sum);
            assigned += parts[i];
        }
        while (assigned < n) {
            double pick = random.nextDouble() * sum;
            int i = 0;
            while (i < weights.length - 1 && (pick -= weights[i]) > 0) {
                i++;
            }
            if (weights[i] > 0) {
                parts[i]++;
                assigned++;
            }
        }
        return parts;
    }
}
