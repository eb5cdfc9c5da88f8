package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.validation.Verdict;
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

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    private static WebDriver driver;

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
        driver = HeadlessChromium.start(1366, 900);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.stop(driver);
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
        // the six parts: part 1 and 3 are present, part 2 is there but unread (never shown missing), 4-6 missing
        assertThat(driver.findElements(By.cssSelector("#parts details.part"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#parts p.unread-part[data-part='2']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#parts p.missing"))).hasSize(3);
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
    void shouldShowCoverageUnreadRowsDoubtfulCellsAndReviewReasonsOfANeedsReviewReport() throws Exception {
        // Given: a hand-made parse whose T3 has two unread rows and two doubtful cells, and a NEEDS_REVIEW verdict
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId,
                Instant.parse("2026-02-01T09:00:00Z"));
        ObjectNode report = (ObjectNode) parsed.get("report");
        ((ObjectNode) report.get("identity")).put("agency", "复核页面测试局" + tag);
        ObjectNode cells = (ObjectNode) report.get("cells");
        ((ObjectNode) cells.get("t3.disclosed.total")).put("certainty", "DOUBTFUL").put("doubt", "OCR_LOW_CONFIDENCE");
        ((ObjectNode) cells.get("t3.new_received.total")).put("certainty", "DOUBTFUL").put("doubt", "COLUMN_INFERRED");
        ((ObjectNode) cells.get("t2.fees.amount_10k_yuan")).remove(List.of("certainty", "doubt"));
        ObjectNode t3 = (ObjectNode) report.get("reading").get("tables").get(0);
        t3.put("rowsRead", 23).put("cellsRead", 161).put("cellsDoubtful", 2);
        ArrayNode unread = t3.putArray("unread");
        unread.addObject().put("subject", "t3.withheld_third_party").put("reason", "NUMBERS_NOT_PLACEABLE")
                .put("detail", "标签已找到，但数字无法对应到列");
        unread.addObject().put("subject", "t3.carried_forward").put("reason", "CUT_BY_PAGE").put("detail", "第3页末尾");
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.parse("2026-02-01T09:00:01Z"));
        validated.put("parsedEventId", parsedId.toString()).put("verdict", "NEEDS_REVIEW");
        validated.putObject("counts").put("errors", 0).put("warnings", 0).put("infos", 0);
        validated.putArray("findings");
        validated.putArray("notAssessable").add("T3-03").add("Y-01");
        validated.putObject("notAssessableReasons").put("T3-03", "输入单元格未读出: t3.carried_forward.total")
                .put("Y-01", "未找到该机关上一年度的报告");
        validated.putArray("reviewReasons").add("表三有2行未读出").add("表三有2个单元格读取存疑");
        ((ObjectNode) validated.get("identity")).put("agency", "复核页面测试局" + tag);

        // When: both events come through the broker, then the reviewer filters by the new verdict and opens it
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(
                    KafkaCompanion.record(Topics.PARSED, reportId, GoldenFixtures.json(parsed)),
                    KafkaCompanion.record(Topics.VALIDATED, reportId, GoldenFixtures.json(validated)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(root.toString() + "#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-counter='NEEDS_REVIEW']")));
        driver.findElement(By.id("filter-agency")).sendKeys(tag);
        new Select(driver.findElement(By.cssSelector("#filters select[name='verdict']"))).selectByValue("NEEDS_REVIEW");
        // the list re-renders when the live feed reports new validations: elements are looked up afresh each time
        WebDriverWait listWait = new WebDriverWait(driver, Duration.ofSeconds(30));
        listWait.ignoring(StaleElementReferenceException.class);
        listWait.until(d -> {
            d.findElement(By.id("search")).click();
            return d.findElement(By.id("list-total")).getText().equals("第 1 / 1 页，共 1 份");
        });
        // the verdict may be held until its parse run is stored: the row shows it once both are
        String rowText = listWait.until(d -> {
            d.findElement(By.id("search")).click();
            String text = d.findElement(By.cssSelector("tr[data-report-row='" + reportId + "']")).getText();
            return text.contains(Verdict.NEEDS_REVIEW.label()) ? text : null;
        });
        assertThat(rowText).contains("待人工复核");
        driver.get(root.toString() + "#/report/" + reportId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-coverage='T3']")));
        screenshot("report-needs-review");

        // Then: the verdict, coverage at a glance, unread rows with reasons, doubtful cells marked in the table
        assertThat(driver.findElement(By.id("report-verdict")).getText()).contains("待人工复核");
        assertThat(driver.findElement(By.cssSelector("[data-coverage='T3']")).getText()).contains("表三 23/25 行")
                .contains("单元格 161/175").contains("存疑 2").contains(ReadingStatus.PARTLY_READ.label());
        assertThat(driver.findElement(By.cssSelector("#unread tr[data-unread='t3.withheld_third_party']")).getText())
                .contains("找到标签，但数字无法对应到列").contains("标签已找到，但数字无法对应到列");
        assertThat(driver.findElement(By.cssSelector("#unread tr[data-unread='t3.carried_forward']")).getText())
                .contains("表格被分页截断").contains("第3页末尾");
        WebElement disclosed = driver.findElement(By.cssSelector("td[data-cell='t3.disclosed.total']"));
        assertThat(disclosed.getAttribute("class")).contains("cell-doubtful");
        assertThat(disclosed.getText()).contains("12").contains("存疑：" + Doubt.OCR_LOW_CONFIDENCE.label());
        WebElement newReceived = driver.findElement(By.cssSelector("td[data-cell='t3.new_received.total']"));
        assertThat(newReceived.getText()).contains("存疑：所在列为推断");
        assertThat(driver.findElement(By.cssSelector("td[data-cell='t2.fees.amount_10k_yuan']")).getAttribute("class"))
                .doesNotContain("cell-doubtful");
        assertThat(driver.findElements(By.cssSelector("#doubtful-cells li"))).hasSize(2);
        // the rules that could not be assessed, with their reasons, and why a human must look
        assertThat(driver.findElement(By.cssSelector("#not-assessable li[data-rule='T3-03']")).getText())
                .contains("输入单元格未读出: t3.carried_forward.total");
        assertThat(driver.findElement(By.cssSelector("#not-assessable li[data-rule='Y-01']")).getText())
                .contains("未找到该机关上一年度的报告");
        assertThat(driver.findElement(By.id("review-reasons")).getText()).contains("表三有2行未读出")
                .contains("表三有2个单元格读取存疑");
    }

    @Test
    void shouldAddAValidationToTheLiveFeedAsItIsStored() throws Exception {
        // Given
        driver.get(root.toString() + "#/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), "已连接"));
        String reportId = GoldenFixtures.newReportId();
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId, Instant.now());
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now().plusMillis(1));
        validated.put("parsedEventId", parsedId.toString());
        ((ObjectNode) validated.get("identity")).put("agency", HOSTILE + "实时");

        // When
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(
                    KafkaCompanion.record(Topics.PARSED, reportId, GoldenFixtures.json(parsed)),
                    KafkaCompanion.record(Topics.VALIDATED, reportId, GoldenFixtures.json(validated)))
                    .awaitCompletion(Duration.ofSeconds(30));
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
