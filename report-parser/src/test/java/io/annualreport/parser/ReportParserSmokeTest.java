package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;

class ReportParserSmokeTest {

    @Test
    void shouldReadIdentitySectionsAndT3OfASeed() throws Exception {
        // Given
        Path seed = Path.of(System.getProperty("samples.dir", "../samples"), "seeds",
                "001_e6499531ec3c06f0.txt");
        ExtractedDocument doc = new ExtractedDocument(Files.readString(seed), List.of(), List.of(), null);
        // When
        ParsedReport report = new ReportParser().parse(doc, ParseHints.none());
        // Then
        assertThat(report.identity().agency()).isEqualTo("惠济区政务服务和大数据管理局");
        assertThat(report.identity().year()).isEqualTo(2022);
        assertThat(report.identity().edition()).isEqualTo(Edition.E2021);
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.cells().get("t3.new_received.total").value()).isZero();
    }
}
