package io.annualreport.parser;

/** What the submitter declared about a report; used only where the document itself says nothing. */
public record ParseHints(String fileName, String declaredAgency, Integer declaredYear) {

    /** No hints at all. */
    public static ParseHints none() {
        return new ParseHints(null, null, null);
    }
}
