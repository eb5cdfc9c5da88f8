package io.annualreport.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.event.EventCodec;

class FactTest {

    @Test
    void shouldWriteThePhraseOfASentenceFactOnly() throws Exception {
        // Given
        Fact document = new Fact("review_cases", BigDecimal.valueOf(2), 4, "行政复议2件", 10, 16, List.of());
        Fact sentence = new Fact("review_cases", BigDecimal.valueOf(2), 4, "本年度行政复议2件", 0, 0, List.of(), "行政复议2件");

        // When
        String documentJson = EventCodec.mapper().writeValueAsString(document);
        String sentenceJson = EventCodec.mapper().writeValueAsString(sentence);

        // Then
        assertThat(documentJson).doesNotContain("phrase");
        assertThat(document.sentenceFact()).isFalse();
        assertThat(sentenceJson).contains("\"phrase\":\"行政复议2件\"");
        assertThat(EventCodec.mapper().readValue(sentenceJson, Fact.class)).isEqualTo(sentence);
    }

    @Test
    void shouldReadAFactWrittenBeforeThePhraseExisted() throws Exception {
        // Given
        String older = """
                {"name":"fee_notices","value":0,"section":6,"evidence":"未发出收费通知","start":3,"end":9,"parts":[]}""";

        // When
        Fact fact = EventCodec.mapper().readValue(older, Fact.class);

        // Then
        assertThat(fact.phrase()).isNull();
        assertThat(fact.sentenceFact()).isFalse();
        assertThat(fact.value()).isEqualByComparingTo("0");
    }
}
