package io.annualreport.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.FailureReason;
import io.annualreport.model.event.ReportFailedEvent;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportRevalidationRequestedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingReport;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.TableId;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;

class EventCodecTest {

    @Test
    void shouldReadARevalidationRequestWithTheAbbreviatedAndTheFullAgency() {
        // When
        ReportRevalidationRequestedEvent event = EventCodec.decode(
                GoldenEvents.json(GoldenEvents.REVALIDATION_REQUESTED), ReportRevalidationRequestedEvent.class);
        // Then
        assertThat(event.cause()).isEqualTo(RevalidationCause.CELLS_CORRECTED);
        assertThat(event.cause().label()).isEqualTo("单元格已人工更正");
        assertThat(event.parsedEventId()).hasToString("9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c5d");
        assertThat(event.report().identity().agency()).isEqualTo("老城区数据局");
        assertThat(event.report().identity().agencyForMatching()).isEqualTo("老城区政务服务和大数据管理局");
        assertThat(event.report().identity().foundBy()).containsEntry("agency", "body");
        assertThat(event.report().cells()).containsKey("t3.disclosed.total");
    }

    @Test
    void shouldMatchOnThePrintedAgencyWhenNoFullNameIsKnown() {
        // When
        ReportParsedEvent event = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED), ReportParsedEvent.class);
        // Then
        assertThat(event.report().identity().agencyFull()).isNull();
        assertThat(event.report().identity().agencyForMatching()).isEqualTo("老城区政务服务和大数据管理局");
    }

    @Test
    void shouldRoundTripEveryGoldenSampleWithoutLosingAField() throws Exception {
        for (var sample : new Object[][]{
                {GoldenEvents.SUBMITTED, ReportSubmittedEvent.class},
                {GoldenEvents.PARSED, ReportParsedEvent.class},
                {GoldenEvents.VALIDATED, ReportValidatedEvent.class},
                {GoldenEvents.FAILED, ReportFailedEvent.class},
                {GoldenEvents.REVALIDATION_REQUESTED, ReportRevalidationRequestedEvent.class}}) {
            // Given
            String json = GoldenEvents.json((String) sample[0]);
            // When
            Object event = EventCodec.decode(json, (Class<?>) sample[1]);
            String again = EventCodec.encode(event);
            // Then
            JsonNode original = EventCodec.mapper().readTree(json);
            JsonNode roundTripped = EventCodec.mapper().readTree(again);
            assertThat(roundTripped).as((String) sample[0]).isEqualTo(original);
        }
    }

    @Test
    void shouldReadTheParsedSampleIntoTheCanonicalModel() {
        // When
        ReportParsedEvent event = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED), ReportParsedEvent.class);
        // Then
        assertThat(event.report().identity().edition()).isEqualTo(Edition.E2021);
        assertThat(event.report().identity().agency()).isEqualTo("老城区政务服务和大数据管理局");
        assertThat(event.report().cells().get("t3.disclosed.total").value()).isEqualByComparingTo("12");
        assertThat(event.report().cells().get("t3.carried_over.total").value()).isNull();
        assertThat(event.report().cells().get("t3.carried_over.total").semantic()).isEqualTo(CellSemantic.EMPTY);
        assertThat(event.report().cells().get("t2.fees.amount_10k_yuan").value()).isEqualByComparingTo(
                new BigDecimal("0.5"));
        assertThat(event.report().facts().get(1).parts()).hasSize(2);
    }

    @Test
    void shouldReadCertaintyAndTheReadingReport() {
        // When
        ReportParsedEvent event = EventCodec.decode(GoldenEvents.json(GoldenEvents.PARSED), ReportParsedEvent.class);
        // Then a cell without certainty is certain, a cell with a doubt is doubtful
        assertThat(event.report().cells().get("t3.disclosed.total").certainty()).isEqualTo(Certainty.CERTAIN);
        assertThat(event.report().cells().get("t2.fees.amount_10k_yuan").certainty()).isEqualTo(Certainty.DOUBTFUL);
        assertThat(event.report().cells().get("t2.fees.amount_10k_yuan").doubt()).isEqualTo(Doubt.OCR_LOW_CONFIDENCE);
        ReadingReport reading = event.report().reading();
        assertThat(reading.fileComplete()).isTrue();
        assertThat(reading.part(2).status()).isEqualTo(ReadingStatus.PRESENT_UNREAD);
        TableReading t3 = reading.table(TableId.T3);
        assertThat(t3.rowsRead()).isEqualTo(24);
        assertThat(t3.unread()).extracting(Unread::reason).containsExactly(UnreadReason.NUMBERS_NOT_PLACEABLE);
        assertThat(reading.table(TableId.T2)).isNull();
    }

    @Test
    void shouldMarkACellDoubtfulWhenADoubtIsGivenWithoutCertainty() {
        Cell cell = new Cell(BigDecimal.ONE, "1", CellSemantic.NUMERIC, 1, 1, "1", null, Doubt.COLUMN_INFERRED);
        assertThat(cell.isCertain()).isFalse();
        assertThat(Cell.of("1", BigDecimal.ONE, CellSemantic.NUMERIC).isCertain()).isTrue();
    }

    @Test
    void shouldReadVerdictAndFindings() {
        ReportValidatedEvent event = EventCodec.decode(GoldenEvents.json(GoldenEvents.VALIDATED),
                ReportValidatedEvent.class);
        assertThat(event.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(event.findings()).extracting(f -> f.ruleId()).containsExactly("T3-03", "S-17");
        assertThat(event.findings().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(event.counts().errors()).isEqualTo(1);
        assertThat(event.notAssessableReasons()).containsEntry("Y-01", "未找到该机关上一年度的报告");
        assertThat(event.reviewReasons()).isEmpty();
    }

    @Test
    void shouldIgnoreUnknownFieldsFromNewerProducers() {
        String json = GoldenEvents.json(GoldenEvents.FAILED).replace("\"attempt\": 1",
                "\"attempt\": 2, \"addedInSchemaVersion2\": {\"x\": 1}");
        ReportFailedEvent event = EventCodec.decode(json, ReportFailedEvent.class);
        assertThat(event.attempt()).isEqualTo(2);
        assertThat(event.reason()).isEqualTo(FailureReason.ENCRYPTED);
    }

    @Test
    void shouldRejectPayloadsThatAreNotEvents() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", ReportSubmittedEvent.class))
                .isInstanceOf(EventCodec.EventDecodingException.class)
                .hasMessageContaining("ReportSubmittedEvent");
        assertThatThrownBy(() -> EventCodec.decode("", ReportSubmittedEvent.class))
                .isInstanceOf(EventCodec.EventDecodingException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"reportId\":\"../../etc\"}", ReportSubmittedEvent.class))
                .isInstanceOf(EventCodec.EventDecodingException.class)
                .hasMessageContaining("reportId");
    }
}
