package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.text.TextFolding;

class HostileFilesTest {

    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();
    /**
     * TIMEOUT files are valid documents that take far longer than a short budget (seconds on a quiet machine): they
     * are read with a document budget of 2 s, as parse-service's hostile-file test does.
     */
    private static final TikaTextExtractor IMPATIENT = new TikaTextExtractor(
            ExtractionLimits.DEFAULT.withDocumentBudget(Duration.ofSeconds(2)));

    private static TikaTextExtractor extractorFor(String name) {
        return name.startsWith(FailureReason.TIMEOUT.name() + "-") ? IMPATIENT : EXTRACTOR;
    }

    static Stream<Path> hostileFiles() {
        return TestFiles.list("hostile").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void shouldFailWithTheReasonNamedInTheFileName(Path file) {
        // Given
        String name = file.getFileName().toString();
        FailureReason expected = FailureReason.valueOf(name.substring(0, name.indexOf('-')));

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> extractorFor(name).extract(file, name, null));

        // Then
        assertThat(failure).as(name).isNotNull();
        assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(expected);
        assertThat(failure.getMessage()).isNotBlank();
    }

    @Test
    void shouldHaveAHostileFileForEveryReasonThatAFileCanCause() {
        // When
        var reasons = hostileFiles().map(f -> f.getFileName().toString())
                .map(n -> FailureReason.valueOf(n.substring(0, n.indexOf('-')))).distinct().toList();

        // Then
        assertThat(reasons).contains(FailureReason.ENCRYPTED, FailureReason.CORRUPT, FailureReason.TOO_LARGE,
                FailureReason.NO_TEXT, FailureReason.UNSUPPORTED_TYPE, FailureReason.TIMEOUT);
    }

    @Test
    void shouldStillReadAGoodFileAfterEveryHostileOne() throws Exception {
        // Given
        Path good = TestFiles.resource("fixtures/001.pdf");
        for (Path hostile : hostileFiles().toList()) {
            catchThrowableOfType(ExtractionException.class,
                    () -> extractorFor(hostile.getFileName().toString()).extract(hostile,
                            hostile.getFileName().toString(), null));
        }

        // When
        ExtractedDocument document = EXTRACTOR.extract(good, "001.pdf", "application/pdf");

        // Then
        assertThat(TextFolding.compact(document.text())).contains(TextFolding.compact(
                TestFiles.PART_HEADINGS.get(0)));
    }
}
