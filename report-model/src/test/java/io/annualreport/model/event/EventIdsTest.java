package io.annualreport.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final UUID INPUT = UUID.fromString("3f6b1c2e-8a4d-4e5f-9a1b-2c3d4e5f6a7b");

    @Test
    void shouldBeTheNameBasedUuidOfInputStageAndVersion() {
        // Given: the reference value from Python's uuid.UUID(bytes=md5("<input>|parse|0.2.3"), version=3)
        UUID expected = UUID.fromString("cdc04630-d89b-3eaf-bc41-6e89bb3fcb5c");

        // When
        UUID derived = EventIds.derived(INPUT, EventIds.PARSE, "0.2.3");

        // Then
        assertThat(derived).isEqualTo(expected);
        assertThat(derived.version()).isEqualTo(3);
    }

    @Test
    void shouldGiveTheSameIdForARedeliveredInput() {
        assertThat(EventIds.derived(INPUT, EventIds.VALIDATE, "2026.3"))
                .isEqualTo(EventIds.derived(UUID.fromString(INPUT.toString()), EventIds.VALIDATE, "2026.3"));
    }

    @Test
    void shouldGiveAnotherIdForAnotherInputStageOrVersion() {
        UUID base = EventIds.derived(INPUT, EventIds.PARSE, "0.2.3");

        assertThat(EventIds.derived(UUID.fromString("3f6b1c2e-8a4d-4e5f-9a1b-2c3d4e5f6a7c"), EventIds.PARSE, "0.2.3"))
                .isNotEqualTo(base);
        assertThat(EventIds.derived(INPUT, EventIds.VALIDATE, "0.2.3")).isNotEqualTo(base);
        assertThat(EventIds.derived(INPUT, EventIds.PARSE, "0.2.4")).isNotEqualTo(base);
        assertThat(EventIds.derived(INPUT, EventIds.PARSE, "0.2.3")).isNotEqualTo(INPUT);
    }

    @Test
    void shouldRefuseAMissingPart() {
        assertThatThrownBy(() -> EventIds.derived(null, EventIds.PARSE, "1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventIds.derived(INPUT, EventIds.PARSE, null))
                .isInstanceOf(NullPointerException.class);
    }
}
