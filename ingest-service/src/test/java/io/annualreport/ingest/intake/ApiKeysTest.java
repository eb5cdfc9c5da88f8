package io.annualreport.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys("惠济区=k1, 金水区=k2", "k2");

    @Test
    void shouldNameTheSubmitterOfAnAcceptedKey() {
        assertThat(keys.submitterOf(" k1 ")).isEqualTo("惠济区");
    }

    @Test
    void shouldRefuseMissingUnknownAndRevokedKeys() {
        assertThat(refusal(null)).isEqualTo(IntakeRefusal.UNAUTHENTICATED);
        assertThat(refusal(" ")).isEqualTo(IntakeRefusal.UNAUTHENTICATED);
        assertThat(refusal("k3")).isEqualTo(IntakeRefusal.UNAUTHENTICATED);
        assertThat(refusal("k2")).isEqualTo(IntakeRefusal.KEY_REVOKED);
    }

    @Test
    void shouldTellWhetherTheDevelopmentKeyIsAccepted() {
        assertThat(keys.acceptsDevKey()).isFalse();
        assertThat(new ApiKeys("dev=" + ApiKeys.DEV_KEY, "none").acceptsDevKey()).isTrue();
    }

    private IntakeRefusal refusal(String key) {
        IntakeRefusedException e = catchThrowableOfType(IntakeRefusedException.class, () -> keys.submitterOf(key));
        assertThat(e).as("key %s should be refused", key).isNotNull();
        return e.refusal();
    }
}
