package io.annualreport.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.TableId;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;

/** Every code users see has its own Chinese label on its enum, the one place the dashboard and exports take it from. */
class LabelsTest {

    @Test
    void shouldGiveEveryConstantADistinctChineseLabel() {
        assertLabels(Verdict.values(), Verdict::label);
        assertLabels(Severity.values(), Severity::label);
        assertLabels(ReadingStatus.values(), ReadingStatus::label);
        assertLabels(UnreadReason.values(), UnreadReason::label);
        assertLabels(Doubt.values(), Doubt::label);
        assertLabels(TableId.values(), TableId::label);
        assertThat(Severity.ERROR.label()).isEqualTo("错误");
        assertThat(TableId.T4.label()).isEqualTo("表四");
    }

    private static <E extends Enum<E>> void assertLabels(E[] values, Function<E, String> label) {
        List<String> labels = Arrays.stream(values).map(label).toList();
        assertThat(labels).as(values[0].getDeclaringClass().getSimpleName()).doesNotHaveDuplicates()
                .allSatisfy(l -> assertThat(l).containsPattern("\\p{IsHan}"));
    }
}
