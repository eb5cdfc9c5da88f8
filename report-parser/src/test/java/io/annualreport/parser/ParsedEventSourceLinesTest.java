package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;

/**
 * The parsed event of real reports on the wire: each source line carried once, and read back into exactly the report
 * the parser produced (the cells validate and store read, with their source lines).
 */
class ParsedEventSourceLinesTest {

    private static final TikaTextExtractor TIKA = new TikaTextExtractor();

    static Stream<Path> reports() {
        List<Path> files = new ArrayList<>(SampleFiles.list("seeds", ".txt"));
        files.addAll(SampleFiles.list("real", ".pdf"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("reports")
    void theEventReadsBackIntoTheParsedReportAndIsSmaller(Path file) throws Exception {
        ExtractedDocument document = TIKA.extract(file, file.getFileName().toString(), null);
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        assertThat(report.cells().values()).filteredOn(c -> c != null && c.source() != null).hasSizeGreaterThan(50);
        ReportParsedEvent event = new ReportParsedEvent(UUID.randomUUID(), "0cd22d9d18d83273", Instant.now(),
                ReportParsedEvent.SCHEMA_VERSION, ReportParser.VERSION, file.getFileName().toString(), "ab", report);

        String wire = EventCodec.encode(event);
        ReportParsedEvent back = EventCodec.decode(wire, ReportParsedEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.report().cells()).containsExactlyEntriesOf(report.cells());
        String older = EventCodec.mapper().writeValueAsString(event);
        assertThat(EventCodec.decode(older, ReportParsedEvent.class)).isEqualTo(event);
        long distinctLines = report.cells().values().stream().filter(c -> c != null && c.line() != null)
                .map(Cell::line).distinct().count();
        long cellsWithLines = report.cells().values().stream().filter(c -> c != null && c.line() != null).count();
        assertThat(distinctLines).isLessThan(cellsWithLines);
        assertThat(wire.getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(older.getBytes(StandardCharsets.UTF_8).length);
    }
}
