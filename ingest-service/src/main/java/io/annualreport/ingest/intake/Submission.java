package io.annualreport.ingest.intake;

/**
 * Who submits and what they declare about the reports of one upload.
 *
 * @param submitter the name the API key belongs to
 * @param agency the declared agency, or null
 * @param year the declared report year, or null
 */
public record Submission(String submitter, String agency, Integer year) {

    /**
     * The submission as the form sent it: a blank agency or year is none, and the agency is stripped.
     *
     * @throws IntakeRefusedException ({@link IntakeRefusal#BAD_YEAR}) when the year is not one from 2000 to 2100
     */
    public static Submission of(String submitter, String agency, String year) {
        return new Submission(submitter, agency == null || agency.isBlank() ? null : agency.strip(), parseYear(year));
    }

    private static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IntakeRefusedException(IntakeRefusal.BAD_YEAR,
                "year must be a four-digit report year such as 2024");
    }
}
