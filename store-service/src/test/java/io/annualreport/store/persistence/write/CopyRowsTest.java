package io.annualreport.store.persistence.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void shouldWriteNullsNumbersAndEscapedTextInCopyTextFormat() {
        // Given
        CopyRows rows = new CopyRows(2);
        // When
        rows.add(7L).add(null).add(new BigDecimal("1E+2")).add("一、总体情况\t12").endRow();
        rows.add(8L).add("a\\b\nc\rd").add(3).add("").endRow();
        // Then
        assertThat(rows.text()).isEqualTo("7\t\\N\t100\t一、总体情况\\t12\n" + "8\ta\\\\b\\nc\\rd\t3\t\n");
    }
}
