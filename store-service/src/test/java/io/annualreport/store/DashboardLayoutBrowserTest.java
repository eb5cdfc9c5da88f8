package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.model.GoldenEvents;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.event.Topics;
import io.annualreport.model.template.TemplateRegistry;
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
 * The dashboard at a desktop width (1400 px) and a phone width (390 px) in headless Chromium: no page scrolls sideways
 * ({@code scrollWidth <= innerWidth}), the counters keep their labels on a line or two, a finding naming hundreds of
 * cells folds them, cells are named in Chinese with their page and source line, the rule catalogue lists the rules,
 * and a file chosen on the upload page reaches its verdict. No page logs a console error. Screenshots go to
 * {@code target/screenshots/layout-*.png}. Like {@link DashboardBrowserTest}, it fails on CI without Chromium.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FakeIngestResource.class)
class DashboardLayoutBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final int[] WIDTHS = {1400, 390};

    private static ChromeDriver driver;
    private static int screenWidth;

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
        driver = HeadlessChromium.start(1400, 900);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.stop(driver);
    }

    @AfterEach
    void shouldHaveLoggedNoConsoleError() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // the upload test's URL is refused on purpose: Chromium logs that answer as a failed resource load
            boolean expectedRefusal = entry.getMessage().contains("/api/v1/uploads/urls")
                    && entry.getMessage().contains("403");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expectedRefusal) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("console errors").isEmpty();
    }

    @Test
    void shouldShowTheListFromTheFiltersInItsUrlAtBothWidthsWithReadableCounters() throws Exception {
        // Given: two reports of one agency tag
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String older = store("列表布局局" + tag, 2021, 3);
        String newer = store("列表布局局" + tag, 2022, 3);

        for (int width : WIDTHS) {
            // When: the list is opened from a URL that carries its filter and sort order
            resize(width);
            driver.get(root + "#/?agency=" + tag + "&sort=year&dir=desc");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBe(By.id("list-total"), "第 1 / 1 页，共 2 份"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-counter='FAIL']")));
            screenshot("layout-list-" + width);

            // Then: the filter is filled in, the rows are sorted newest year first, nothing scrolls sideways
            assertThat(driver.findElement(By.id("filter-agency")).getAttribute("value")).isEqualTo(tag);
            List<WebElement> rows = driver.findElements(By.cssSelector("#report-table tbody tr"));
            assertThat(rows).extracting(r -> r.getAttribute("data-report-row")).containsExactly(newer, older);
            assertThat(driver.findElement(By.cssSelector("th [data-sort='year']")).getText()).contains("▼");
            assertNoSidewaysScroll("list " + width);
            // a counter's label takes at most two lines, never one character per line
            for (WebElement label : driver.findElements(By.cssSelector(".counter .l"))) {
                double lineHeight = Double.parseDouble(label.getCssValue("line-height").replace("px", ""));
                assertThat(label.getSize().getHeight()).as(label.getText() + " at " + width)
                        .isLessThanOrEqualTo((int) Math.ceil(2 * lineHeight) + 1);
            }
            assertThat(driver.getTitle()).startsWith("总览");
        }

        // When: the other sort direction is chosen
        driver.findElement(By.cssSelector("th [data-sort='year']")).click();
        // Then: the URL and the order follow
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("dir=asc"));
        // the list is fetched again and re-rendered: rows are looked up afresh until the new order shows
        WebDriverWait reorder = new WebDriverWait(driver, Duration.ofSeconds(10));
        reorder.ignoring(StaleElementReferenceException.class);
        List<String> order = reorder.until(d -> {
            List<String> ids = d.findElements(By.cssSelector("#report-table tbody tr")).stream()
                    .map(r -> r.getAttribute("data-report-row")).toList();
            return ids.equals(List.of(older, newer)) ? ids : null;
        });
        assertThat(order).containsExactly(older, newer);
    }

    @Test
    void shouldFoldALongFindingAndNameItsCellsInChineseWithPageAndSourceLine() throws Exception {
        // Given: a finding that names every cell of the template and carries a long unbroken evidence
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>(TemplateRegistry.allCells().keySet());
        String reportId = store("长问题布局局" + tag, 2021, keys.size());

        for (int width : WIDTHS) {
            // When
            resize(width);
            driver.get(root + "#/report/" + reportId);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-rule='T3-03'] .rule-title")));
            screenshot("layout-report-" + width);
            driver.executeScript("document.getElementById('findings').scrollIntoView()");
            screenshot("layout-finding-" + width);

            // Then: no sideways scrolling; six cells shown, the rest folded
            assertNoSidewaysScroll("report " + width);
            WebElement finding = driver.findElement(By.cssSelector(".finding[data-rule='T3-03']"));
            assertThat(finding.findElements(By.cssSelector(":scope > .cell-list > ul.cells > li"))).hasSize(6);
            assertThat(finding.findElement(By.cssSelector("details.more-cells summary")).getText())
                    .isEqualTo("展开其余 " + (keys.size() - 6) + " 个单元格");
            assertThat(finding.getSize().getWidth()).isLessThanOrEqualTo(width);
        }

        // the first cell is named in Chinese, with its page, line and source line as visible text
        WebElement first = driver
                .findElement(By.cssSelector("[data-rule='T3-03'] li[data-finding-cell='t3.new_received.total']"));
        assertThat(first.getText()).contains("表三 · 一、本年新收政府信息公开申请数量 · 总计").contains("第2页 第57行");
        assertThat(first.findElement(By.cssSelector(".source")).getText()).startsWith("一、本年新收政府信息公开申请数量");
        // the rule's name stands beside its id and links to the catalogue
        assertThat(driver.findElement(By.cssSelector("[data-rule='T3-03'] .rule-title")).getText()).contains("勾稽");
        // the folded cells open on demand
        driver.findElement(By.cssSelector("[data-rule='T3-03'] details.more-cells summary")).click();
        assertThat(
                driver.findElement(By.cssSelector("[data-rule='T3-03'] li[data-finding-cell='t4.all.review_upheld']"))
                        .getText())
                .startsWith("表四 · 行政复议 · 结果维持");
        assertNoSidewaysScroll("report with every cell shown");
        // a table cell shows its page and source line when tapped
        driver.findElement(By.cssSelector("td[data-cell='t3.disclosed.total']")).click();
        assertThat(driver.findElement(By.id("cell-detail")).getText()).contains("（一）予以公开").contains("第2页");
        assertThat(driver.getTitle()).startsWith("长问题布局局" + tag + " 2021年度");
        driver.findElement(By.cssSelector("[data-rule='T3-03'] a.rule-id")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-T3-03.rule-focus")));
    }

    @Test
    void shouldListTheRuleCatalogueAndFilterItFromTheUrl() throws Exception {
        for (int width : WIDTHS) {
            // When
            resize(width);
            driver.get(root + "#/rules");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-T3-03")));
            screenshot("layout-rules-" + width);

            // Then: every rule of the catalogue, with its statement and formula
            long rules = (Long) ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[0]; fetch('/api/v1/rules').then(r => r.json()).then(c => done(c.rules.length));");
            assertThat(rules).isGreaterThan(40);
            assertThat(driver.findElements(By.cssSelector("#rule-list .rule"))).hasSize((int) rules);
            assertThat(driver.findElement(By.id("rule-T3-03")).getText()).contains("勾稽")
                    .contains("R1.c + R2.c = R3_7.c + R4.c").contains("表三勾稽关系不成立");
            assertNoSidewaysScroll("rules " + width);
            assertThat(driver.getTitle()).startsWith("规则目录");
        }

        // When: the catalogue is opened with a search in its URL
        driver.get(root + "#/rules?q=T4-&severity=ERROR");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-count")));
        // Then: only T4 errors remain
        List<WebElement> shown = driver.findElements(By.cssSelector("#rule-list .rule"));
        assertThat(shown).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-rule-id")).startsWith("T4-"));
        assertThat(driver.findElement(By.id("rule-filter-severity")).getAttribute("value")).isEqualTo("ERROR");
    }

    @Test
    void shouldUploadAChosenFileThroughStoreAndShowItsVerdictAsItArrives() throws Exception {
        // Given: a file to upload; the fake ingest derives its report id from its bytes as ingest does
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "report-", ".txt");
        String content = "2023年政府信息公开工作年度报告 " + UUID.randomUUID();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(content.getBytes(StandardCharsets.UTF_8)));

        for (int width : WIDTHS) {
            resize(width);
            driver.get(root + "#/upload");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-live-status"), "已连接"));
            assertNoSidewaysScroll("upload " + width);
            assertThat(driver.getTitle()).startsWith("上传报告");
        }

        // When: a submitter signs in, chooses the file, and its parse and validation come through the broker once it
        // is accepted
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.findElement(By.id("sign-in")).click();
        driver.findElement(By.id("sign-in-user")).sendKeys("submitter");
        driver.findElement(By.id("sign-in-password")).sendKeys("submitter");
        driver.findElement(By.id("sign-in-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "submitter"));
        driver.findElement(By.id("upload-input")).sendKeys(file.toString());
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-verdict-for='" + reportId + "']")));
        assertThat(driver.findElement(By.cssSelector(".upload-row.accepted")).getText())
                .contains(file.getFileName().toString())
                .contains("已接收 1 份");
        publishVerdict(reportId);

        // Then: the verdict appears beside the file, linked to its report
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-verdict-for='" + reportId + "']"), "不通过"));
        assertThat(driver.findElement(By.cssSelector("li[data-report-id='" + reportId + "'] a")).getAttribute("href"))
                .endsWith("#/report/" + reportId);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return Number(document.querySelector('.upload-row.accepted progress').value)")).doubleValue())
                .isEqualTo(1.0);
        screenshot("layout-upload-390");

        // When: a URL is refused by ingest's guard; Then: its code is shown
        driver.findElement(By.id("upload-urls")).sendKeys("http://intranet.test/report.pdf");
        driver.findElement(By.id("upload-urls-submit")).click();
        wait.until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("[data-error-code='URL_ADDRESS_NOT_PUBLIC']")));
        assertThat(driver.findElement(By.cssSelector(".upload-row.refused")).getText()).contains("private address");
        assertNoSidewaysScroll("upload with results");
    }

    private void publishVerdict(String reportId) throws Exception {
        UUID parsedId = UUID.randomUUID();
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, parsedId, Instant.now());
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now().plusMillis(1));
        validated.put("parsedEventId", parsedId.toString());
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(
                    KafkaCompanion.record(Topics.PARSED, reportId, GoldenFixtures.json(parsed)),
                    KafkaCompanion.record(Topics.VALIDATED, reportId, GoldenFixtures.json(validated)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    /** Stores the golden report under this agency and year, its T3-03 finding naming the first {@code cells} keys. */
    private String store(String agency, int year, int cells) {
        String reportId = GoldenFixtures.newReportId();
        submittedWriter.apply(GoldenFixtures.submitted(reportId, agency, year, Instant.now(), null));
        ObjectNode parsed = GoldenFixtures.rekeyed(GoldenEvents.PARSED, reportId, UUID.randomUUID(), Instant.now());
        ObjectNode identity = (ObjectNode) parsed.get("report").get("identity");
        identity.put("agency", agency).put("year", year);
        ReportParsedEvent parsedEvent = EventCodec.decode(GoldenFixtures.json(parsed), ReportParsedEvent.class);
        parsedWriter.apply(parsedEvent);
        ObjectNode validated = GoldenFixtures.rekeyed(GoldenEvents.VALIDATED, reportId, UUID.randomUUID(),
                Instant.now().plusMillis(1));
        validated.put("parsedEventId", parsedEvent.eventId().toString());
        ((ObjectNode) validated.get("identity")).put("agency", agency).put("year", year);
        ObjectNode finding = (ObjectNode) validated.get("findings").get(0);
        ArrayNode keys = finding.putArray("cells");
        List<String> all = new ArrayList<>(List.of("t3.new_received.total"));
        TemplateRegistry.allCells().keySet().stream().filter(k -> !k.equals("t3.new_received.total")).forEach(all::add);
        all.stream().limit(cells).forEach(keys::add);
        finding.put("evidence", "一二三四五六七八九十".repeat(50) + "1234567890".repeat(300));
        validatedWriter.apply(EventCodec.decode(GoldenFixtures.json(validated), ReportValidatedEvent.class));
        return reportId;
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
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
