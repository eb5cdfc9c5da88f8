package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Identity;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

class SubmittedFileNamesTest {

    @Test
    void shouldNameEveryShapeSoThatTheParserReadsAgencyAndYearFromTheName() {
        // Given: a document that names neither agency nor year, and a generated report per file-name shape
        ExtractedDocument untitled = new ExtractedDocument("一、总体情况\n本机关按要求开展工作。\n", List.of(),
                List.of(), null);
        Set<String> shapes = new HashSet<>();
        for (long seed = 40; seed < 48; seed++) {
            GeneratedReport report = new CorpusGenerator(seed).generate(Edition.E2021);
            String name = SubmittedFileNames.of(report, seed, "pdf");
            shapes.add(name.replace(report.identity().agency(), "A").replaceAll("^\\d{8}", "D")
                    .replace(String.valueOf(report.identity().year()), "Y"));

            // When
            Identity identity = new ReportParser().parse(untitled, new ParseHints(name, null, null)).identity();

            // Then
            assertThat(name).endsWith(".pdf");
            assertThat(identity.agency()).as(name).isEqualTo(report.identity().agency());
            assertThat(identity.year()).as(name).isEqualTo(report.identity().year());
            assertThat(identity.foundBy()).as(name).containsEntry("agency", "file_name");
        }
        assertThat(shapes).as("four shapes").hasSize(4);
    }
}
