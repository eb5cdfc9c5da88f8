package io.annualreport.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The agency page and the supervisors' overview in a real headless Chromium (skipped without Chromium outside CI, as
 * {@link DashboardBrowserTest}); screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AgencyPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static WebDriver driver;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but Chromium or chromedriver is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "Chromium is not installed; the browser test is skipped outside CI");
        Path profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
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
        assertThat(driver.findElements(By.cssSelector("#heatmap rect[data-region='320812'][data-year='2024']")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#ranking a[data-agency='" + agencyId + "']"))).hasSize(1);
        // and the cascader goes one level down
        new Select(driver.findElement(By.id("region-cascader"))).selectByVisibleText("清江浦区");
        wait.until(ExpectedConditions.textToBe(By.id("region-path"), "全国 / 江苏省 / 淮安市 / 清江浦区"));
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("agency-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
