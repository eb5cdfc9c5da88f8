package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportParsedEvent;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.model.event.ReportValidatedEvent;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.text.TextFolding;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;
import io.annualreport.rules.RuleEngine;
import io.annualreport.rules.ValidationContext;
import io.annualreport.rules.ValidationResult;
import io.annualreport.store.persistence.write.ParsedWriter;
import io.annualreport.store.persistence.write.SubmittedWriter;
import io.annualreport.store.persistence.write.ValidatedWriter;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.annualreport.testsupport.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The reviewer's workbench in a real headless Chromium, end to end on the store: a reviewer signs in, corrects a
 * doubtful T3 cell of a scanned report against its page, sees the verdict computed again by the real rule engine,
 * dismisses a finding with a reason and downloads the review letter; anonymous writes are refused. The scanned report
 * is the born-digital sample turned into page pictures; its parse is the real parser's reading of the original with one
 * T3 cell misread and marked doubtful, as OCR leaves it, with the positions of the lines its cells were read from, so
 * the page picture is cropped around the misread row. Runs whenever Chromium is installed; on CI
 * ({@code CI=true}) a missing Chromium fails the test. Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReviewWorkbenchBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String MISREAD = "t3.disclosed.total";

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

    @ConfigProperty(name = "blob.dir")
    String blobDir;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = HeadlessChromium.start(1400, 1000);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        HeadlessChromium.stop(driver);
    }

    /** The real extractor and parser's reading of the born-digital sample, with one T3 cell misread and doubtful. */
    private static ParsedReport misreadScan(Path original) throws Exception {
        ParsedReport read = new ReportParser().parse(
                new TikaTextExtractor().extract(original, "hzq2024.pdf", "application/pdf"), ParseHints.none());
        Cell printed = read.cells().get(MISREAD);
        assertThat(printed.value()).as("the sample prints 50 in T3 (一) 予以公开 总计").isEqualByComparingTo("50");
        Map<String, Cell> cells = new LinkedHashMap<>(read.cells());
        cells.put(MISREAD, new Cell(new BigDecimal("60"), "60", printed.semantic(), printed.page(), printed.line(),
                printed.source()).doubtful(Doubt.OCR_LOW_CONFIDENCE));
        // the scan keeps the original's geometry, so the parser's line positions hold for its pictures too
        assertThat(read.linePosition(printed.line())).as("the parser placed the row").isPresent();
        return read.withCells(cells);
    }

    @Test
    void shouldLetAReviewerCorrectADoubtfulCellDecideAndDownloadTheLetter() throws Exception {
        // Given: a scanned report whose T3 (一) 予以公开 总计 was read as a doubtful 60 (the page prints 50)
        Path original = Samples.file("real/hzq2024_working.pdf");
        Path blobs = Path.of(blobDir).toAbsolutePath();
        Files.createDirectories(blobs);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] scan = ScannedPdf.all(Files.readAllBytes(original));
        Path blob = blobs.resolve("workbench-scan-" + tag + ".pdf");
        Files.write(blob, scan);
        String reportId = ReportIds.fromSha256(ReportIds.sha256((tag + "scan").getBytes()));
        String agency = "洪泽区审核测试" + tag;
        ReportSubmittedEvent submitted = EventCodec.decode(EventCodec.mapper()
                .valueToTree(GoldenFixtures.submitted(reportId, agency, 2024, Instant.now(), blob.toUri().toString()))
                .toString(), ReportSubmittedEvent.class);
        submittedWriter.apply(submitted);
        ObjectNode tree = EventCodec.mapper().valueToTree(misreadScan(original));
        ((ObjectNode) tree.get("identity")).put("agency", agency);
        ParsedReport report = EventCodec.mapper().treeToValue(tree, ParsedReport.class);
        ReportParsedEvent parsed = new ReportParsedEvent(UUID.randomUUID(), reportId, Instant.now(),
                ReportParsedEvent.SCHEMA_VERSION, "test", "hzq2024.pdf", submitted.sha256(), report);
        parsedWriter.apply(parsed);
        // the test stands in for the validate stage: the real rule engine validates the parse and each revalidation
        validatedWriter.apply(validate(parsed.eventId(), reportId, report));
        given().get("/api/v1/reports/{id}", reportId).then().body("validation.verdict",
                org.hamcrest.Matchers.equalTo("NEEDS_REVIEW"));
        try (RevalidationAnswerer answerer = new RevalidationAnswerer(bootstrap, reportId, this::validate)) {
            // When: the reviewer opens the review page and signs in
            // the page renders itself again after each save: an element found a moment before may be gone
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            driver.get(root.toString() + "#/review/" + reportId);
            wait.until(ExpectedConditions.attributeToBe(By.id("review-verdict"), "data-verdict", "NEEDS_REVIEW"));
            assertThat(driver.findElement(By.id("user-box")).getText()).contains("登录");
            driver.findElement(By.id("sign-in")).click();
            driver.findElement(By.id("sign-in-user")).sendKeys("reviewer");
            driver.findElement(By.id("sign-in-password")).sendKeys("reviewer");
            driver.findElement(By.id("sign-in-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "reviewer"));
            assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("审核员");

            // and corrects the doubtful cell against its page
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li[data-check='" + MISREAD + "'] a")))
                    .click();
            WebElement crop = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-crop")));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", crop));
            int page = report.cells().get(MISREAD).page();
            assertThat(crop.getAttribute("data-page")).isEqualTo(String.valueOf(page));
            // the scan's picture is cropped around the misread row: much shorter than the page, and the row inside
            Response picture = given().get(crop.getAttribute("src"));
            picture.then().statusCode(200).header("X-Page-Cropped", "true").header("X-Page-Crop", "LINE_POSITION");
            int top = Integer.parseInt(picture.header("X-Page-Crop-Top"));
            int bottom = Integer.parseInt(picture.header("X-Page-Crop-Bottom"));
            int pageHeight = Integer.parseInt(picture.header("X-Page-Height"));
            long shown = (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalHeight", crop);
            assertThat(shown).isEqualTo(bottom - top).isLessThan(pageHeight / 5);
            double row = labelFraction(original, page, "予以公开") * pageHeight;
            assertThat(row).as("the row 予以公开 on the page, in pixels").isBetween((double) top, (double) bottom);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-crop-note"), "已裁剪至该行"));
            assertThat(driver.findElement(By.id("correction-message")).getText()).contains("60");
            screenshot("review-correction");
            driver.findElement(By.id("correction-value")).sendKeys("50");
            driver.findElement(By.id("correction-note")).sendKeys("原件为50，OCR误读为60");
            driver.findElement(By.id("correction-save")).click();

            // Then: the verdict is computed again on the corrected cell, without parsing again
            wait.until(ExpectedConditions.attributeToBe(By.id("review-verdict"), "data-verdict", "WARN"));
            screenshot("review-recomputed");
            assertThat(driver.findElement(By.cssSelector("#correction-history tr[data-correction='" + MISREAD + "']"))
                    .getText()).contains("60").contains("50").contains("reviewer").contains("OCR误读为60");

            // When: the reviewer dismisses S-06 with a reason
            WebElement s06 = driver.findElement(By.cssSelector("[data-review-rule='S-06']"));
            s06.findElement(By.cssSelector(".decision-reason")).sendKeys("三(六)合并为一行，属排版差异");
            s06.findElement(By.cssSelector("button.dismiss")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-review-rule='S-06'] .decision"), "驳回"));
            screenshot("review-dismissed");

            // Then: the letter lists the remaining findings and not the dismissed one
            String href = driver.findElement(By.id("letter-docx")).getAttribute("href");
            byte[] docx = given().get(href).then().statusCode(200).extract().asByteArray();
            String letter;
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                    XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                letter = extractor.getText();
            }
            assertThat(letter).contains(agency).contains("有警告").contains("X-02").doesNotContain("S-06");

            // no console error so far (the refused value below is logged by Chromium as a failed request)
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)).as("console errors").isEmpty();

            // and any other cell opens in the same editor in the page, from the keyboard; a bad value is refused in Chinese
            new Select(driver.findElement(By.id("correct-any-row"))).selectByValue("t3.new_received");
            wait.until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector("#correction-panel[data-subject='t3.new_received']")));
            WebElement value = driver.findElement(By.id("correction-value"));
            value.sendKeys("九十五");
            value.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-message"), "不是数值"));
            screenshot("review-any-cell");
        }

        // and nobody reprocesses anonymously, while the exports carry the corrected value beside the machine's
        given().post("/api/v1/reports/{id}/reprocess", reportId).then().statusCode(401);
        String csv = given().get("/api/v1/exports/cells.csv?agency=" + agency).then().statusCode(200).extract()
                .asString();
        String row = csv.lines().filter(line -> line.contains(MISREAD)).findFirst().orElseThrow();
        // the machine's value, the corrected value and who corrected it, each a field of the row
        assertThat(java.util.Arrays.stream(row.split(",")).map(field -> field.replace("\"", "")))
                .contains(MISREAD, "60", "50", "reviewer");
    }

    /** What the validate stage does, with the real rule engine: the verdict event of a parse run. */
    ReportValidatedEvent validate(UUID parsedEventId, String reportId, ParsedReport report) {
        ValidationResult result = new RuleEngine().validate(report, new ValidationContext(Optional.empty()));
        return new ReportValidatedEvent(UUID.randomUUID(), reportId, Instant.now(),
                ReportValidatedEvent.SCHEMA_VERSION, parsedEventId, "test", result.rulesetVersion(),
                result.verdict(), result.counts(), result.findings(), result.notAssessable(),
                new ReportValidatedEvent.IdentitySummary(report.identity().agency(), report.identity().year(),
                        report.identity().edition()),
                result.notAssessableReasons(), result.reviewReasons());
    }

    /**
     * Where the first text-layer line of the born-digital original containing the label stands on the page, as a
     * fraction of the page height (found by PDFBox, independently of the parser).
     */
    private static double labelFraction(Path pdf, int page, String label) throws IOException {
        List<Float> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text,
                        List<TextPosition> positions) {
                    if (found.isEmpty() && !positions.isEmpty()
                            && TextFolding.compact(text).contains(label)) {
                        found.add(positions.get(0).getYDirAdj());
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
            assertThat(found).as(label + " on page " + page).isNotEmpty();
            return found.get(0) / document.getPage(page - 1).getCropBox().getHeight();
        }
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
