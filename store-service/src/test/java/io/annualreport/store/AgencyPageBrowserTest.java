package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The agency page and the supervisors' overview in a real headless Chromium (skipped without Chromium outside CI, as
 * {@link DashboardBrowserTest}): the overview filtered by a division's code, its heatmaps and counters clicking
 * through to the filtered list, the 含历史版本 switch, no sideways scrolling at 1400 and 390 px, and no console error
 * on any page. Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AgencyPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static final int[] WIDTHS = {1400, 390};

    private static ChromeDriver driver;
    private static int screenWidth;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = HeadlessChromium.start(1400, 900);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.stop(driver);
    }

    @AfterEach
    void shouldHaveLoggedNoConsoleError() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    @Test
    void shouldShowTwoYearsSideBySideWithTheChangesAndTheRegionOverview() throws Exception {
        // Given: 清江浦区人民政府's 2023 report (one application carried forward) and 淮安市清江浦区人民政府's 2024
        AgencyReports reports = new AgencyReports(bootstrap);
        AgencyReports.Stored y2023 = reports.submit(AgencyReports.madeFromSeed("清江浦区人民政府", 2023, 1),
                "text/plain");
        AgencyReports.Stored y2024 = reports.submit(AgencyReports.madeFromSeed("淮安市清江浦区人民政府", 2024, 0),
                "text/plain");
        long agencyId = given().queryParam("reportId", y2024.reportId()).get("/api/v1/agencies/of-report").then()
                .statusCode(200).extract().jsonPath().getLong("agencyId");

        // When: the agency page is opened
        driver.get(root + "#/agency/" + agencyId);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comparison-summary")));
        screenshot("agency-page");

        // Then: both years with their verdicts, one agency
        assertThat(driver.findElement(By.id("agency-name")).getText()).startsWith("淮安市清江浦区人民政府");
        assertThat(driver.findElement(By.id("agency-region")).getText()).contains("江苏省 / 淮安市 / 清江浦区");
        List<WebElement> years = driver.findElements(By.cssSelector("#agency-years tbody tr"));
        assertThat(years).extracting(r -> r.getAttribute("data-year")).containsExactly("2024", "2023");
        assertThat(driver.findElements(By.cssSelector("#agency-years .badge"))).hasSize(2);
        // the changed cell of T3 marked with its change
        WebElement carriedForward = driver
                .findElement(By.cssSelector("[data-cmp-cell='t3.carried_forward.total']"));
        assertThat(carriedForward.getAttribute("class")).contains("changed");
        assertThat(carriedForward.getText()).isEqualTo("1 → 0（-1）");
        assertThat(driver.findElement(By.cssSelector("[data-cmp-cell='t3.new_received.total']"))
                .getAttribute("class")).doesNotContain("changed");
        // the narrative part by part, and the DOCX of the comparison
        assertThat(driver.findElements(By.cssSelector("#comparison-parts details.part"))).isNotEmpty();
        assertThat(driver.findElement(By.id("comparison-docx")).getAttribute("href"))
                .endsWith("/api/v1/agencies/" + agencyId + "/compare.docx?from=2023&to=2024");
        // the year selectors drive the comparison
        assertThat(new Select(driver.findElement(By.id("year-from"))).getFirstSelectedOption().getText())
                .isEqualTo("2023 年");

        // When: the supervisors' overview of 淮安市
        driver.get(root + "#/regions/320800");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking tbody tr")));
        screenshot("regions-overview");
        // Then: the path, the cascader of its counties, the heatmap and the ranking with the agency
        assertThat(driver.findElement(By.id("region-path")).getText()).isEqualTo("全国 / 江苏省 / 淮安市");
        assertThat(new Select(driver.findElement(By.id("region-cascader"))).getOptions())
                .extracting(WebElement::getText).contains("清江浦区", "洪泽区");
        assertThat(driver.findElements(By.cssSelector("#heatmap td[data-region='320812'][data-year='2024']")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#ranking a[data-agency='" + agencyId + "']"))).hasSize(1);
        // and the cascader goes one level down
        new Select(driver.findElement(By.id("region-cascader"))).selectByVisibleText("清江浦区");
        wait.until(ExpectedConditions.textToBe(By.id("region-path"), "全国 / 江苏省 / 淮安市 / 清江浦区"));
    }

    @Test
    void shouldFilterTheOverviewByRegionCodeAndOpenTheFilteredListFromItsHeatmapsAndCounters() throws Exception {
        // Given: 南京市玄武区人民政府 2023 (fails T3-03 and S-17) and 2024 in two versions (the first fails, the
        // correction passes), and 苏州市姑苏区人民政府 2024 (fails) in another city
        Instant t = Instant.parse("2025-03-01T00:00:00Z");
        String xuanwu2023 = publish("南京市玄武区人民政府", 2023, "FAIL", t);
        String xuanwu2024First = publish("南京市玄武区人民政府", 2024, "FAIL", t.plusSeconds(60));
        String xuanwu2024 = publish("南京市玄武区人民政府", 2024, "PASS", t.plusSeconds(120));
        String gusu2024 = publish("苏州市姑苏区人民政府", 2024, "FAIL", t);
        for (String id : List.of(xuanwu2023, xuanwu2024First, xuanwu2024, gusu2024)) {
            awaitLinked(id);
        }
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // pages re-render as the hash changes: elements are looked up afresh until the expected state shows
        wait.ignoring(StaleElementReferenceException.class);

        for (int width : WIDTHS) {
            // When: the overview of 南京市 (its code) is opened
            resize(width);
            driver.get(root + "#/regions/320100");
            wait.until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#overview-counters [data-counter='total']")));
            screenshot("overview-" + width);

            // Then: only 南京市's current reports are counted (玄武区 2023 and its current 2024), 苏州市's are not
            assertThat(driver.findElement(By.id("region-path")).getText()).isEqualTo("全国 / 江苏省 / 南京市");
            assertThat(counter("total")).isEqualTo("2");
            assertThat(counter("FAIL")).isEqualTo("1");
            assertThat(counter("PASS")).isEqualTo("1");
            // the verdict heatmap has 玄武区 only, one failed report of one in 2023
            assertThat(driver.findElements(By.cssSelector("#verdict-heat tbody tr")))
                    .extracting(r -> r.getAttribute("data-region-row")).containsExactly("320102");
            assertThat(driver.findElement(By.cssSelector("#verdict-heat td[data-region='320102'][data-year='2023']"))
                    .getText()).isEqualTo("1/1");
            assertThat(driver.findElement(By.cssSelector("#verdict-heat td[data-region='320102'][data-year='2024']"))
                    .getText()).isEqualTo("0/1");
            // the rule heatmap: 2023's most-failed rules, with the rules' names beside their ids in the legend
            assertThat(driver.findElements(By.cssSelector("#rule-heat td[data-year='2023'] a.heat-rule")))
                    .extracting(a -> a.getAttribute("data-rule")).contains("T3-03", "S-17");
            assertThat(driver.findElement(By.cssSelector("#rule-legend li[data-rule='T3-03']")).getText())
                    .startsWith("T3-03 ").contains("勾稽");
            // the divisions ranked by the share of reports with errors
            assertThat(driver.findElements(By.cssSelector("#region-ranking-table tbody tr")))
                    .extracting(r -> r.getAttribute("data-region")).containsExactly("320102");
            assertNoSidewaysScroll("overview " + width);
        }
        resize(1400);

        // When: 含历史版本 is switched on
        driver.findElement(By.id("overview-history")).click();
        // Then: the URL keeps it and the counters count the superseded 2024 version too
        wait.until(d -> d.getCurrentUrl().contains("current=false"));
        wait.until(d -> "3".equals(counter("total")));
        assertThat(counter("FAIL")).isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("#verdict-heat td[data-region='320102'][data-year='2024']"))
                .getText()).isEqualTo("1/2");

        // When: the heatmap cell of 玄武区 2023 is clicked
        driver.findElement(By.cssSelector("#verdict-heat td[data-region='320102'][data-year='2023'] a")).click();
        // Then: the report list filtered by that division and year (the filters in its URL)
        wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 1 份"));
        assertThat(driver.getCurrentUrl()).contains("region=320102").contains("year=2023");
        assertThat(rows()).containsExactly(xuanwu2023);
        assertThat(driver.findElement(By.cssSelector("#filters input[name='region']")).getAttribute("value"))
                .isEqualTo("320102");

        // When: a counter of the overview (不通过 of 南京市) is clicked
        driver.get(root + "#/regions/320100");
        wait.until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#overview-counters [data-counter='FAIL']")));
        driver.findElement(By.cssSelector("#overview-counters [data-counter='FAIL']")).click();
        // Then: the list of 南京市's failed current reports, and the list's own counters follow the same filters
        wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 1 份"));
        assertThat(driver.getCurrentUrl()).contains("region=320100").contains("verdict=FAIL");
        assertThat(rows()).containsExactly(xuanwu2023);
        wait.until(d -> "1".equals(counter("total")));

        for (int width : WIDTHS) {
            // When: the list of 玄武区 is opened, current versions by default
            resize(width);
            driver.get(root + "#/?region=320102");
            wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 2 份"));
            // Then: the 2024 version group shows as a count, not as its ids
            assertThat(rows()).containsExactlyInAnyOrder(xuanwu2023, xuanwu2024);
            assertThat(driver.findElement(By.cssSelector("tr[data-report-row='" + xuanwu2024 + "'] [data-versions]"))
                    .getText()).isEqualTo("2 个版本");
            assertThat(driver.findElements(By.cssSelector("tr[data-report-row='" + xuanwu2023 + "'] [data-versions]")))
                    .isEmpty();
            assertNoSidewaysScroll("list " + width);
            screenshot("overview-list-" + width);
        }

        // When: 含历史版本 is switched on in the list
        driver.findElement(By.id("list-history")).click();
        // Then: the superseded version is listed too, the URL and the export links carry the switch
        wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 3 份"));
        assertThat(rows()).containsExactlyInAnyOrder(xuanwu2023, xuanwu2024First, xuanwu2024);
        assertThat(driver.getCurrentUrl()).contains("current=false");
        wait.until(d -> "3".equals(counter("total")));
        assertThat((String) driver.executeScript("return exportUrl('cells', 'csv')")).contains("current=false")
                .contains("region=320102");
        // and switched off again, the current versions only
        driver.get(root + "#/?region=320102");
        wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 2 份"));
        assertThat(driver.findElement(By.id("list-history")).isSelected()).isFalse();
    }

    /** The text of a counter's number. */
    private static String counter(String kind) {
        List<WebElement> found = driver.findElements(By.cssSelector("[data-counter='" + kind + "'] .n"));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    private static List<String> rows() {
        return driver.findElements(By.cssSelector("#report-table tbody tr[data-report-row]")).stream()
                .map(r -> r.getAttribute("data-report-row")).toList();
    }

    /** Publishes a submitted, parsed and validated report of this agency and year through the broker. */
    private String publish(String agency, int year, String verdict, Instant submittedAt) {
        String reportId = GoldenFixtures.newReportId();
        ReportParsedEvent parsed = GoldenFixtures.parsed(reportId, agency, year, "2021", null);
        ObjectNode validated = GoldenFixtures.tree(GoldenEvents.VALIDATED);
        validated.put("reportId", reportId).put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", submittedAt.plusSeconds(2).toString())
                .put("parsedEventId", parsed.eventId().toString()).put("verdict", verdict);
        ((ObjectNode) validated.get("identity")).put("agency", agency).put("year", year);
        if (verdict.equals("PASS")) {
            validated.putArray("findings");
            ((ObjectNode) validated.get("counts")).put("errors", 0).put("warnings", 0);
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(
                    KafkaCompanion.record(Topics.SUBMITTED, reportId,
                            EventCodec.encode(GoldenFixtures.submitted(reportId, agency, year, submittedAt, null))),
                    KafkaCompanion.record(Topics.PARSED, reportId, EventCodec.encode(parsed)),
                    KafkaCompanion.record(Topics.VALIDATED, reportId, GoldenFixtures.json(validated)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        return reportId;
    }

    /** Waits until the store has the report's verdict and has attached it to its agency. */
    private static void awaitLinked(String reportId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var report = given().get("/api/v1/reports/{id}", reportId);
            return report.statusCode() == 200 && report.jsonPath().getString("validation.verdict") != null
                    && given().queryParam("reportId", reportId).get("/api/v1/agencies/of-report").statusCode() == 200;
        });
    }

    private static void resize(int width) {
        screenWidth = width;
        HeadlessChromium.emulateScreen(driver, width);
    }

    private static void assertNoSidewaysScroll(String page) {
        HeadlessChromium.assertNoSidewaysScroll(driver, screenWidth, page);
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("agency-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
