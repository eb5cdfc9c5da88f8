package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.parser.facts.SentenceFacts;

/**
 * A generated report as the rules get it from the parser: its ground truth ({@link GeneratedReport#toParsedReport()})
 * plus the sentence facts the parser reads from its parts.
 */
final class AsParsed {

    private AsParsed() {
    }

    static ParsedReport of(GeneratedReport report) {
        ParsedReport truth = report.toParsedReport();
        List<Fact> facts = new ArrayList<>(truth.facts());
        facts.addAll(SentenceFacts.extract(truth.sections()));
        return new ParsedReport(truth.identity(), truth.sections(), truth.cells(), facts, truth.extraction(),
                truth.parseWarnings(), truth.text(), truth.reading());
    }
}
