package io.annualreport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import io.annualreport.model.history.CrossYearContext;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.validate.history.StoreCrossYearHistory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(StoreStubResource.class)
class StoreCrossYearHistoryTest {

    @Inject
    StoreCrossYearHistory history;

    @ConfigProperty(name = "quarkus.rest-client.store.url")
    String storeUrl;

    @Test
    void shouldReadTheContractThenRetryThenOpenTheCircuitWhenTheStoreIsAway() throws Exception {
        // Given: the store answers
        stub("/stub/up");
        // When
        CrossYearContext context = history.context("淮安市洪泽区人民政府", null, 2024, "0123456789abcdef");
        // Then: the golden contract arrives typed
        assertThat(context.agencyId()).isEqualTo(42L);
        assertThat(context.previousYear().year()).isEqualTo(2023);
        assertThat(context.previousYear().toParsedReport().cells()).containsKey("t3.carried_forward.total");

        // Given: the store goes away
        stub("/stub/down");
        int before = Integer.parseInt(stub("/stub/calls"));
        // When: one look-up fails
        assertThatThrownBy(() -> history.context("淮安市洪泽区人民政府", null, 2024, "x"))
                .isNotInstanceOf(CircuitBreakerOpenException.class);
        // Then: it was tried three times (two retries)
        assertThat(Integer.parseInt(stub("/stub/calls")) - before).isEqualTo(3);

        // When: it keeps failing, the circuit opens and calls fail at once without reaching the store
        Throwable last = null;
        for (int i = 0; i < 8 && !(last instanceof CircuitBreakerOpenException); i++) {
            try {
                history.context("淮安市洪泽区人民政府", null, 2024, "x");
            } catch (RuntimeException e) {
                last = e;
            }
        }
        assertThat(last).isInstanceOf(CircuitBreakerOpenException.class);
        int atOpen = Integer.parseInt(stub("/stub/calls"));
        assertThatThrownBy(() -> history.context("淮安市洪泽区人民政府", null, 2024, "x"))
                .isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(Integer.parseInt(stub("/stub/calls"))).isEqualTo(atOpen);
        stub("/stub/up");
    }

    private String stub(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(storeUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
