package io.annualreport.store.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.persistence.ReportFilter;
import io.annualreport.store.persistence.ReportPage;
import io.annualreport.store.persistence.ReportQueries;
import io.annualreport.store.persistence.ReportSummary;
import io.annualreport.store.review.LetterContent;
import io.annualreport.store.review.ReviewLetter;
import io.annualreport.store.review.ReviewService;

/** The review letters of every report matching the filters (e.g. one region and year), as DOCX files in one zip. */
@Path("/api/v1/letters.zip")
public class LetterBatchResource {

    /** The most letters one zip holds; narrow the filters for more. */
    static final int MAX_LETTERS = 500;

    private final ReportQueries queries;
    private final ReviewService review;

    public LetterBatchResource(ReportQueries queries, ReviewService review) {
        this.queries = queries;
        this.review = review;
    }

    @GET
    @Produces("application/zip")
    @Operation(summary = "The review letters (DOCX) of the current version of every matching report, in one zip")
    public Response letters(@BeanParam FilterParams filters) {
        ReportFilter filter = new FilterParams.Current(filters).toFilter();
        List<String> reportIds = new ArrayList<>();
        for (int page = 0; reportIds.size() < MAX_LETTERS; page++) {
            ReportPage found = queries.list(filter, page, 200);
            found.items().stream().map(ReportSummary::reportId).limit(MAX_LETTERS - reportIds.size())
                    .forEach(reportIds::add);
            if (found.items().size() < 200) {
                break;
            }
        }
        if (reportIds.isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "NO_REPORTS", "no report matches the filters");
        }
        StreamingOutput zip = out -> {
            try (ZipOutputStream entries = new ZipOutputStream(out)) {
                for (String reportId : reportIds) {
                    LetterContent letter = review.letter(reportId).orElse(null);
                    if (letter == null) {
                        continue;
                    }
                    entries.putNextEntry(new ZipEntry("review-letter-" + reportId + ".docx"));
                    entries.write(ReviewLetter.docx(letter));
                    entries.closeEntry();
                }
            }
        };
        return Response.ok(zip).type("application/zip")
                .header("Content-Disposition", "attachment; filename=\"review-letters.zip\"")
                .header("X-Letter-Count", reportIds.size()).build();
    }
}
