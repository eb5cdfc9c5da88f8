package io.annualreport.parser.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Fact;
import io.annualreport.model.report.Section;

class SentenceFactsTest {

    private static List<Fact> read(int part, String text) {
        return SentenceFacts.extract(List.of(new Section(part, "heading", text, 0, text.length())));
    }

    private static List<Fact> named(List<Fact> facts, String name) {
        return facts.stream().filter(f -> f.name().equals(name)).toList();
    }

    private static BigDecimal part(Fact f, String label) {
        return f.parts().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow().value();
    }

    @Test
    void shouldReadCountsWithTheirSentenceAndPhrase() {
        // Given
        List<Fact> facts = read(3, "本年度新收政府信息公开申请95件，上年结转申请34件。办结政府信息公开申请120件；另有9件结转下一年度办理。");

        // Then
        assertThat(named(facts, "applications_received")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("95");
            assertThat(f.section()).isEqualTo(3);
            assertThat(f.phrase()).isEqualTo("新收政府信息公开申请95件");
            assertThat(f.evidence()).isEqualTo("本年度新收政府信息公开申请95件，上年结转申请34件");
            assertThat(f.sentenceFact()).isTrue();
        });
        assertThat(named(facts, "applications_carried_over")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("34"));
        assertThat(named(facts, "applications_handled")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("120"));
        assertThat(named(facts, "applications_carried_forward")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("9"));
    }

    @Test
    void shouldNotReadApproximateOrNegatedCounts() {
        // Given
        List<Fact> facts = read(1, "全年收到政府信息公开申请100余件。上年结转申请3多件。");

        // Then
        assertThat(named(facts, "applications_received")).isEmpty();
        assertThat(named(facts, "applications_carried_over")).isEmpty();
    }

    @Test
    void shouldReadPercentagesWithTheirTotal() {
        // Given
        List<Fact> facts = read(3, "共收到申请200件，其中予以公开150件，占75%，不予公开20件，占比12%。");

        // Then
        assertThat(named(facts, "percentage")).hasSize(2).first().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("75");
            assertThat(part(f, "part")).isEqualByComparingTo("150");
            assertThat(part(f, "total")).isEqualByComparingTo("200");
        });
    }

    @Test
    void shouldSayWhichKindsOfCaseAStatementIsAbout() {
        // Given
        List<Fact> none = read(4, "本年度未发生政府信息公开行政诉讼，行政复议案件2件。");
        List<Fact> upheld = read(4, "本年度共发生行政复议3件，均获维持。");

        // Then
        assertThat(named(none, "no_review_or_litigation")).singleElement().satisfies(f -> {
            assertThat(part(f, "review")).isEqualByComparingTo("0");
            assertThat(part(f, "litigation")).isEqualByComparingTo("1");
            assertThat(f.phrase()).isEqualTo("本年度未发生政府信息公开行政诉讼");
        });
        assertThat(named(none, "review_cases")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("2"));
        assertThat(named(upheld, "all_upheld")).singleElement().satisfies(f -> {
            assertThat(part(f, "review")).isEqualByComparingTo("1");
            assertThat(part(f, "litigation")).isEqualByComparingTo("0");
        });
    }

    @Test
    void shouldReadFeesAndEnumerationsOfTheirParts() {
        // Given
        List<Fact> fees = read(6, "本年度未发出收费通知，收取信息处理费120元。");
        List<Fact> enumeration = read(2, "全年主动公开政府信息30条，其中机构职能5条、政策文件12条、其他20条。");

        // Then
        assertThat(named(fees, "fee_notices")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("0"));
        assertThat(named(fees, "fees_collected")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("120"));
        assertThat(named(enumeration, "enumeration")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualByComparingTo("30");
            assertThat(f.parts()).extracting(Fact.FactPart::value).map(BigDecimal::intValue).containsExactly(5, 12, 20);
        });
    }
}
