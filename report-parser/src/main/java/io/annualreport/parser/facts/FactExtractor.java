package io.annualreport.parser.facts;

import java.util.ArrayList;
import java.util.List;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;

/** Reads numbers stated in the narrative, each with the sentence it came from. */
public final class FactExtractor {

    private FactExtractor() {
    }

    /** The facts of a report's text. */
    public static List<Fact> extract(String text, List<Section> sections) {
        return new ArrayList<>();
    }
}
