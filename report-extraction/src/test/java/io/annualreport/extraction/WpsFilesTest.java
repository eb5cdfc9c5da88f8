package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;

class WpsFilesTest {

    @Test
    void shouldReadAWpsFileSavedInTheWord97Layout(@TempDir Path dir) throws Exception {
        // Given
        Path wps = Files.copy(TestFiles.resource("fixtures/000.doc"), dir.resolve("年报.wps"));

        // When
        ExtractedDocument document = FixtureFormatsTest.EXTRACTOR.extract(wps, "年报.wps", null);

        // Then
        assertThat(document.extraction().mediaType()).isEqualTo("application/msword");
        assertThat(document.tables()).isNotEmpty();
    }

    @Test
    void shouldRefuseAWpsFileInAnotherLayoutWithUnsupportedType(@TempDir Path dir) throws Exception {
        // Given
        Path wps = dir.resolve("年报.wps");
        Files.write(wps, "WPS Office proprietary body 政府信息公开".getBytes(StandardCharsets.UTF_16BE));

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> FixtureFormatsTest.EXTRACTOR.extract(wps, "年报.wps", null));

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.UNSUPPORTED_TYPE);
        assertThat(failure.getMessage()).contains("WPS").contains("DOCX or PDF");
    }
}
