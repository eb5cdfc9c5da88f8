package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * The headless Debian Chromium that store-service's browser tests drive: a fresh profile, Chinese as the browser's
 * language, the console log kept for the tests to read; under {@code CI=true} a missing browser fails the test
 * (scripts/install-system-deps.sh installs it), elsewhere it skips it.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A browser with a window of this size. */
    static ChromeDriver start(int width, int height) throws IOException {
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
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Emulates a screen of this width: a phone's (844 high, mobile) under 600 px, a desktop's (900 high) above. */
    static void emulateScreen(ChromeDriver driver, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile",
                        width < 600));
    }

    /** Asserts that the page fits the emulated screen's width: no sideways scrolling. */
    static void assertNoSidewaysScroll(ChromeDriver driver, int screenWidth, String page) {
        List<?> widths = (List<?>) driver.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        // a phone zooms out to fit content wider than the screen: then innerWidth itself grows past the screen width
        assertThat(innerWidth).as(page + ": innerWidth").isEqualTo(screenWidth);
        assertThat(scrollWidth).as(page + ": scrollWidth <= innerWidth " + innerWidth).isLessThanOrEqualTo(innerWidth);
    }

    /** Closes the browser, if one was started. */
    static void stop(WebDriver driver) {
        if (driver != null) {
            driver.quit();
        }
    }
}
