package io.annualreport.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.annualreport.ingest.intake.IntakeRefusal;
import io.annualreport.ingest.intake.IntakeRefusedException;

/** The HTTP statuses of the public contract (README: 400, 401, 403, 413, 415, 422, 429, 502, 503 or 504), one per error code. */
class IntakeRefusalMapperTest {

    private static final Map<Integer, EnumSet<IntakeRefusal>> CONTRACT = Map.of(
            400, EnumSet.of(IntakeRefusal.BAD_YEAR, IntakeRefusal.NO_FILE, IntakeRefusal.UNREADABLE_UPLOAD,
                    IntakeRefusal.EMPTY_FILE, IntakeRefusal.CORRUPT_ZIP, IntakeRefusal.EMPTY_ZIP,
                    IntakeRefusal.ZIP_UNSAFE_PATH, IntakeRefusal.ZIP_ENCRYPTED_ENTRY, IntakeRefusal.URL_INVALID,
                    IntakeRefusal.TOO_MANY_URLS),
            401, EnumSet.of(IntakeRefusal.UNAUTHENTICATED),
            403, EnumSet.of(IntakeRefusal.KEY_REVOKED, IntakeRefusal.ROLE_MISSING, IntakeRefusal.URL_DOMAIN_NOT_ALLOWED,
                    IntakeRefusal.URL_ADDRESS_NOT_PUBLIC),
            422, EnumSet.of(IntakeRefusal.URL_UNRESOLVED),
            502, EnumSet.of(IntakeRefusal.URL_FETCH_FAILED, IntakeRefusal.URL_TOO_MANY_REDIRECTS),
            504, EnumSet.of(IntakeRefusal.URL_TIMEOUT),
            413, EnumSet.of(IntakeRefusal.TOO_LARGE, IntakeRefusal.ZIP_TOO_MANY_ENTRIES, IntakeRefusal.ZIP_TOO_LARGE,
                    IntakeRefusal.ZIP_BOMB),
            415, EnumSet.of(IntakeRefusal.UNSUPPORTED_TYPE, IntakeRefusal.ZIP_UNSUPPORTED_ENTRY,
                    IntakeRefusal.ZIP_NESTED_ARCHIVE),
            429, EnumSet.of(IntakeRefusal.TOO_MANY_UPLOADS),
            503, EnumSet.of(IntakeRefusal.SCRATCH_UNAVAILABLE, IntakeRefusal.BLOB_STORE_UNAVAILABLE,
                    IntakeRefusal.BROKER_UNAVAILABLE));

    @Test
    void shouldAnswerEachRefusalWithTheStatusOfTheContract() {
        CONTRACT.forEach((status, refusals) -> refusals
                .forEach(r -> assertThat(IntakeRefusalMapper.status(r)).as(r.name()).isEqualTo(status)));
        assertThat(CONTRACT.values().stream().mapToInt(EnumSet::size).sum())
                .as("every refusal is in the contract").isEqualTo(IntakeRefusal.values().length);
    }

    @Test
    void shouldTellClientsToRetryExactlyTheBusyAndUnavailableCases() {
        for (IntakeRefusal r : IntakeRefusal.values()) {
            int status = IntakeRefusalMapper.status(r);
            assertThat(r.retryAfterSeconds() != null).as(r.name()).isEqualTo(status == 429 || status == 503);
        }
    }

    @Test
    void shouldPutTheCodeAndMessageInTheJsonBody() {
        ErrorBody body = IntakeRefusalMapper
                .body(new IntakeRefusedException(IntakeRefusal.EMPTY_FILE, "the file 'a.pdf' is empty"));

        assertThat(body.error().code()).isEqualTo("EMPTY_FILE");
        assertThat(body.error().message()).isEqualTo("the file 'a.pdf' is empty");
    }
}
