package io.annualreport.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventFieldsTest {

    @Test
    void shouldReadTheScalarsOfAFailureEvent() {
        String failed = """
                {"eventId":"5a6b","reportId":"e6499531ec3c06f0","schemaVersion":1,"stage":"PARSE",\
                "reason":"ENCRYPTED","message":"the PDF is password protected","attempt":1}""";

        var fields = EventFields.leadingScalars(failed);

        assertThat(fields).containsEntry("reportId", "e6499531ec3c06f0").containsEntry("stage", "PARSE")
                .containsEntry("reason", "ENCRYPTED").containsEntry("attempt", "1");
    }

    @Test
    void shouldStopAtTheFirstNestedValue() {
        String parsed = """
                {"reportId":"abc","report":{"verdict":"FAIL"},"reason":"LATE"}""";

        var fields = EventFields.leadingScalars(parsed);

        assertThat(fields).containsOnlyKeys("reportId");
    }

    @Test
    void shouldYieldNothingForPoison() {
        assertThat(EventFields.leadingScalars("{this is not an event")).isEmpty();
        assertThat(EventFields.leadingScalars("[1,2]")).isEmpty();
        assertThat(EventFields.leadingScalars(42)).isEmpty();
    }
}
