package io.annualreport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldPrintOneLineEachTenthInOrderWhenNotATerminal() {
        // Given
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text, true), "处理 process", 20, false, true);
        // When: uploads finish out of order on several threads
        for (int done : new int[]{1, 2, 4, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}) {
            bar.show(done);
        }
        // Then
        assertThat(text.toString().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList())
                .containsExactly("1/20", "2/20", "4/20", "6/20", "8/20", "10/20", "12/20", "14/20", "16/20", "18/20",
                        "20/20");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void shouldRedrawInPlaceOnATerminal() {
        // Given
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text, true), "上传 upload ", 2, true, true);
        // When
        bar.show(1);
        bar.show(2);
        // Then
        assertThat(text.toString()).isEqualTo("\r上传 upload  [" + "#".repeat(15) + ".".repeat(15) + "] 1/2\r上传 upload  ["
                + "#".repeat(30) + "] 2/2" + System.lineSeparator());
    }

    @Test
    void shouldPrintNothingWhenQuiet() {
        // Given
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text, true), "处理 process", 3, false, false);
        // When
        bar.show(3);
        // Then
        assertThat(text.toString()).isEmpty();
    }
}
