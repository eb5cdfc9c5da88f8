package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The agency pages of a user limited to regions (the test profile's {@code regional}, 淮安市 320800): the agency list,
 * an agency, its comparison and the agency of a report answer only within those regions; a reviewer without a scope
 * sees every agency.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AgencyRegionScopeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static RequestSpecification regional() {
        return given().auth().preemptive().basic("regional", "regional");
    }

    private static RequestSpecification reviewer() {
        return given().auth().preemptive().basic("reviewer", "reviewer");
    }

    @Test
    void shouldShowARegionalUserOnlyTheAgenciesOfItsRegions() throws Exception {
        // Given: an agency of 淮安市 and one of 南京市, each with a report linked by the registry
        AgencyReports reports = new AgencyReports(bootstrap);
        String inside = reports.submit(AgencyReports.madeFromSeed("淮安市盱眙县统计局", 2023, 0), "text/plain")
                .reportId();
        String outside = reports.submit(AgencyReports.madeFromSeed("南京市玄武区统计局", 2023, 0), "text/plain")
                .reportId();
        long insideAgency = reviewer().queryParam("reportId", inside).get("/api/v1/agencies/of-report").then()
                .statusCode(200).extract().jsonPath().getLong("agencyId");
        long outsideAgency = reviewer().queryParam("reportId", outside).get("/api/v1/agencies/of-report").then()
                .statusCode(200).extract().jsonPath().getLong("agencyId");

        // When
        List<Long> listedForRegional = regional().queryParam("q", "统计局").queryParam("size", 1000)
                .get("/api/v1/agencies").then().statusCode(200).extract().jsonPath()
                .getList("items.agencyId", Long.class);
        List<Long> listedForReviewer = reviewer().queryParam("q", "统计局").queryParam("size", 1000)
                .get("/api/v1/agencies").then().statusCode(200).extract().jsonPath()
                .getList("items.agencyId", Long.class);

        // Then
        assertThat(listedForRegional).contains(insideAgency).doesNotContain(outsideAgency);
        assertThat(listedForReviewer).contains(insideAgency, outsideAgency);
        regional().get("/api/v1/agencies/{id}", outsideAgency).then().statusCode(404);
        regional().get("/api/v1/agencies/{id}", insideAgency).then().statusCode(200);
        regional().get("/api/v1/agencies/{id}/compare", outsideAgency).then().statusCode(404);
        regional().get("/api/v1/agencies/{id}/compare.docx", outsideAgency).then().statusCode(404);
        regional().queryParam("reportId", outside).get("/api/v1/agencies/of-report").then().statusCode(204);
        regional().queryParam("reportId", inside).get("/api/v1/agencies/of-report").then().statusCode(200);
        reviewer().get("/api/v1/agencies/{id}", outsideAgency).then().statusCode(200);
    }
}
