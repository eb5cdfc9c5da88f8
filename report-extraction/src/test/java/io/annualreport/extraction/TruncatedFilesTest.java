package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.FailureReason;

/**
 * Files cut short as downloads break off, made here from the rendered fixtures (no committed binaries): every cut
 * either fails with CORRUPT and a message a user understands, or is read in part with a DAMAGED_FILE warning, so that
 * the parser never takes a cut file for a report that left its parts out. The outcomes are printed for the record.
 */
class TruncatedFilesTest {

    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();
    private static final double[] CUTS = {0.1, 0.3, 0.5, 0.7, 0.9, 0.98};
    private static final List<String> OUTCOMES = new ArrayList<>();

    static Stream<Arguments> truncations() {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : List.of("000.pdf", "002.pdf", "002-plain.pdf", "000.docx", "000.doc", "002.html")) {
            for (double cut : CUTS) {
                cases.add(Arguments.of(fixture, cut));
            }
        }
        return cases.stream();
    }

    /**
     * A copy of a fixture cut after the given share of its bytes, below target/tmp. {@code 002-plain.pdf} is 002.pdf
     * saved again by PDFBox without object streams or compressed cross-references, document catalog first, as many
     * producers write: cut short, its first pages are still there for a lenient reader.
     */
    static Path truncated(String fixture, double share) throws IOException {
        byte[] bytes = fixture.equals("002-plain.pdf")
                ? plainPdf()
                : Files.readAllBytes(TestFiles.resource("fixtures/" + fixture));
        byte[] cut = Arrays.copyOf(bytes, (int) (bytes.length * share));
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "truncated"));
        String name = fixture.replace(".", "-cut" + Math.round(share * 100) + ".");
        return Files.write(dir.resolve(name), cut);
    }

    private static byte[] plainPdf() throws IOException {
        try (PDDocument document = Loader.loadPDF(TestFiles.resource("fixtures/002.pdf").toFile());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    @ParameterizedTest(name = "{0} cut at {1}")
    @MethodSource("truncations")
    void shouldFailAsCorruptOrReadInPartWithADamageWarning(String fixture, double share) throws Exception {
        // Given
        Path file = truncated(fixture, share);

        // When
        ExtractedDocument document = null;
        ExtractionException failure = null;
        try {
            document = EXTRACTOR.extract(file, file.getFileName().toString(), null);
        } catch (ExtractionException e) {
            failure = e;
        }

        // Then
        if (failure != null) {
            OUTCOMES.add(file.getFileName() + ": FAILED " + failure.reason() + " — " + failure.getMessage());
            assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(FailureReason.CORRUPT);
            assertThat(failure.getMessage()).startsWith(ExtractionException.CORRUPT_MESSAGE + "：");
        } else {
            OUTCOMES.add(
                    file.getFileName() + ": READ " + document.text().length() + " characters, " + document.damage());
            assertThat(document.damage()).as(file.getFileName().toString()).isNotEmpty()
                    .allSatisfy(d -> assertThat(d).startsWith("DAMAGED_FILE: "));
            assertThat(document.damage().get(0)).startsWith("DAMAGED_FILE: 文件不完整或已损坏");
            assertThat(document.complete()).isFalse();
        }
    }

    @AfterAll
    static void printOutcomes() {
        OUTCOMES.stream().sorted().forEach(o -> System.out.println("[truncated] " + o));
    }
}
