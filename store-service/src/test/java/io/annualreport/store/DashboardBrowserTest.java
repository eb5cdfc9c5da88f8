package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Drives the dashboard in a real headless Chromium. Runs whenever Chromium is installed; on CI ({@code CI=true}) a
 * missing Chromium fails the test instead of skipping it. Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL root;

    @Inject
    SubmittedWriter submittedWriter;

    @Inject
    ParsedWriter parsedWriter;

    @Inject
    ValidatedWriter validatedWriter;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but Chromium or chromedriver is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "Chromium is not installed; the browser test is skipped outside CI");
        profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldShowAHostileReportAsTextWithItsFailingCellsAndFindings() throws Exception {
        // Given: a report whose every text field carries markup
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reportId = storeHostileReport(tag);

        // When: search the list for it and open it
        driver.get(root.toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-counter='FAIL']")));
        WebElement agencyFilter = driver.findElement(By.id("filter-agency"));
        agencyFilter.sendKeys(tag);
        driver.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 1 份"));
        screenshot("overview-search");
        driver.findElement(By.cssSelector("tr[data-report-row='" + reportId + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-table='t3']")));
        screenshot("report-page");

        // Then: markup is shown as text and never runs
        assertThat(driver.findElement(By.id("report-title")).getText()).isEqualTo(HOSTILE + "标题" + tag);
        assertThat(driver.findElement(By.id("report-agency")).getText()).isEqualTo(HOSTILE + "机关" + tag);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#app img, #app script"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-rule='T3-03'] .finding-message")).getText())
                .startsWith(HOSTILE);
        assertThat(driver.findElement(By.cssSelector("[data-rule='T3-03'] blockquote.evidence")).getText())
                .isEqualTo(HOSTILE);
        // the six parts: part 1 and 3 are present, the others are reported missing
        assertThat(driver.findElements(By.cssSelector("#parts details.part"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#parts p.missing"))).hasSize(4);
        // the tables are laid out like the printed ones, with the failing cells highlighted
        WebElement disclosed = driver.findElement(By.cssSelector("td[data-cell='t3.disclosed.total']"));
        assertThat(disclosed.getText()).isEqualTo("12");
        WebElement newReceived = driver.findElement(By.cssSelector("td[data-cell='t3.new_received.total']"));
        assertThat(newReceived.getAttribute("class")).contains("cell-error");
        assertThat(disclosed.getAttribute("class")).doesNotContain("cell-error");
        assertThat(driver.findElement(By.cssSelector("table[data-table='t3']")).getText()).contains("自然人")
                .contains("法人或其他组织").contains("（七）总计");
        assertThat(driver.findElement(By.cssSelector("table[data-table='t4']")).getText()).contains("行政复议")
                .contains("未经复议直接起诉");
        // every finding links to its cells
        driver.findElement(By.cssSelector("[data-rule='T3-03'] a[data-cell-link='t3.carried_over.total']")).click();
        WebElement carriedOver = driver.findElement(By.cssSelector("td[data-cell='t3.carried_over.total']"));
        wait.until(d -> carriedOver.getAttribute("class").contains("cell-focus"));
        screenshot("report-cell-focus");
    }

    @Test
    void shouldAddAValidationToTheLiveFeedAsItIsStored() throws Exception {
        // Given
        driver.get(root.toString() + "#/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "已连接"));
        String reportId = GoldenFixtures.newReportId();
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now());
        ((ObjectNode) validated.get("identity")).put("agency", HOSTILE + "实时");

        // When
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(KafkaCompanion.record(Topics.VALIDATED, reportId,
                    GoldenFixtures.json(validated))).awaitCompletion(Duration.ofSeconds(30));
        }

        // Then
        WebElement item = wait.until(
                ExpectedConditions
                        .presenceOfElementLocated(By.cssSelector("#live-feed li[data-live='" + reportId + "']")));
        screenshot("live-feed");
        assertThat(item.getText()).contains(HOSTILE + "实时").contains("不通过");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#svg-verdicts rect"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#svg-rules text"))).isNotEmpty();
    }

    private String storeHostileReport(String tag) {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, HOSTILE + "机关" + tag, 2021, Instant.now(), null));
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:31Z"));
        ObjectNode identity = (ObjectNode) parsed.get("report").get("identity");
        identity.put("agency", HOSTILE + "机关" + tag);
        identity.put("title", HOSTILE + "标题" + tag);
        ArrayNode sections = (ArrayNode) parsed.get("report").get("sections");
        ((ObjectNode) sections.get(0)).put("text", HOSTILE);
        ((ObjectNode) parsed.get("report").get("cells").get("t3.carried_over.total")).put("raw", HOSTILE);
        ReportParsedEvent parsedEvent = EventCodec.decode(GoldenFixtures.json(parsed), ReportParsedEvent.class);
        parsedWriter.apply(parsedEvent);
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-01-20T08:15:32Z"));
        validated.put("parsedEventId", parsedEvent.eventId().toString());
        ObjectNode finding = (ObjectNode) validated.get("findings").get(0);
        finding.put("message", HOSTILE + finding.get("message").asText());
        finding.put("evidence", HOSTILE);
        validatedWriter.apply(EventCodec.decode(GoldenFixtures.json(validated), ReportValidatedEvent.class));
        return reportId;
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

}
