package io.annualreport.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.report.Certainty;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.validation.Verdict;

class CrossYearContextTest {

    @Test
    void goldenSampleReadsIntoTheReportTheRulesRead() throws Exception {
        CrossYearContext context = EventCodec.mapper().readValue(GoldenEvents.json(GoldenEvents.CROSS_YEAR_CONTEXT),
                CrossYearContext.class);

        assertThat(context.schemaVersion()).isEqualTo(CrossYearContext.SCHEMA_VERSION);
        assertThat(context.agencyId()).isEqualTo(42L);
        PreviousYearSnapshot previous = context.previousYear();
        assertThat(previous.verdict()).isEqualTo(Verdict.PASS);
        assertThat(previous.cells().get("t2.fees.amount_10k_yuan").certainty()).isEqualTo(Certainty.DOUBTFUL);

        ParsedReport report = previous.toParsedReport();
        assertThat(report.identity().year()).isEqualTo(2023);
        assertThat(report.identity().agency()).isEqualTo("洪泽区人民政府");
        assertThat(report.cells().get("t3.carried_forward.total").value()).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(report.parseWarnings()).extracting(w -> w.subject()).containsExactly("t3.total_handled");
        assertThat(report.text()).contains("全年共收到政府信息公开申请57件");

        assertThat(context.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.toParsedReport().identity().agency()).isEqualTo("淮安市淮安区人民政府");
            assertThat(peer.toParsedReport().sections()).hasSize(1);
        });
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        CrossYearContext context = EventCodec.mapper().readValue(GoldenEvents.json(GoldenEvents.CROSS_YEAR_CONTEXT),
                CrossYearContext.class);
        String json = EventCodec.mapper().writeValueAsString(context);
        assertThat(EventCodec.mapper().readValue(json, CrossYearContext.class)).isEqualTo(context);
    }

    @Test
    void unknownAgencyHasNoHistory() {
        CrossYearContext unknown = CrossYearContext.unknown();
        assertThat(unknown.agencyId()).isNull();
        assertThat(unknown.previousYear()).isNull();
        assertThat(unknown.peers()).isEmpty();
    }
}
