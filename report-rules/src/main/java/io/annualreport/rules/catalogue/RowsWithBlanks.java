package io.annualreport.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.annualreport.model.report.ParseWarning;
import io.annualreport.rules.engine.RuleInput;

/**
 * Table rows the parser found printed with fewer values than columns (its ROW_UNREADABLE warning "k of n values
 * printed"): the row is there with blank cells whose columns cannot be told apart, so it is a blank-cell finding
 * (V-03), not a missing row (S-06) or a missing table (S-05).
 */
final class RowsWithBlanks {

    private static final Pattern FEWER_VALUES = Pattern.compile("(\\d+) of (\\d+) values printed");

    /** One printed row with blank cells: its key as the parser names it and how many of its cells are blank. */
    record Row(String key, int blankCells, String message) {
    }

    private RowsWithBlanks() {
    }

    /** The rows of a table ("t2", "t3", "t4") printed with fewer values than columns. */
    static List<Row> of(RuleInput in, String table) {
        List<Row> rows = new ArrayList<>();
        if (in.report().parseWarnings() == null) {
            return rows;
        }
        for (ParseWarning w : in.report().parseWarnings()) {
            if (!"ROW_UNREADABLE".equals(w.code()) || w.subject() == null || w.message() == null
                    || !(w.subject().equals(table) || w.subject().startsWith(table + "."))) {
                continue;
            }
            Matcher m = FEWER_VALUES.matcher(w.message());
            if (m.find()) {
                int printed = Integer.parseInt(m.group(1));
                int columns = Integer.parseInt(m.group(2));
                if (printed < columns) {
                    rows.add(new Row(w.subject(), columns - printed, w.message()));
                }
            }
        }
        return rows;
    }

    /** Whether a row (a parser row key such as "t3.withheld_enforcement_files") was printed with blank cells. */
    static boolean printedWithBlanks(RuleInput in, String rowKey) {
        return of(in, rowKey.substring(0, 2)).stream().anyMatch(r -> r.key().equals(rowKey));
    }
}
