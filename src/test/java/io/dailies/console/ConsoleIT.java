package io.dailies.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in Debian's headless Chromium: upload a shot list, start a run, follow it to its report. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("dailies-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        // No GPU, no sandbox as root, and no background traffic: this machine reaches only localhost.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of("target"));
            Files.copy(shot, Path.of("target/console-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    @Test
    void producerUploadsAShotListStartsARunAndFindsTheReport() {
        String project = "Console " + UUID.randomUUID().toString().substring(0, 8);
        browser.get(base.toString());
        browser.findElement(By.id("upload-file")).sendKeys(Deployments.sample("sample-shot-list.xlsx").getAbsolutePath());
        browser.findElement(By.id("upload-project")).sendKeys(project);
        browser.findElement(By.id("upload-button")).click();

        // The page redraws its tables every two seconds, so elements are looked up afresh on every try.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        String imported = wait.until(d -> text(rowWith(d.findElements(By.cssSelector("#imports tbody tr")), project, "COMPLETED")));
        assertTrue(imported.contains("sample-shot-list.xlsx"), imported);

        wait.until(d -> {
            WebElement row = rowWith(d.findElements(By.cssSelector("#projects tbody tr")), project, null);
            if (row == null) {
                return false;
            }
            row.findElement(By.cssSelector("button.start-run")).click();
            return true;
        });

        WebDriverWait render = new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(500));
        render.ignoring(StaleElementReferenceException.class);
        String[] run = render.until(d -> {
            WebElement row = rowWith(d.findElements(By.cssSelector("#runs tbody tr")), project, "COMPLETED");
            return row == null ? null : new String[] {
                    row.findElement(By.cssSelector(".progress-label")).getText(),
                    row.findElement(By.linkText("report.xlsx")).getAttribute("href")};
        });
        String progress = run[0];
        assertTrue(progress.matches("(\\d+) / \\1 shots"), "every shot done: " + progress);
        String href = run[1];
        assertTrue(href.endsWith("/report"), href);
        DailiesClient.Answer file = new DailiesClient(base).get(href.substring(href.indexOf("/api/") + 1));
        assertEquals(200, file.status());
        assertEquals('P', (char) file.bytes()[0], "an .xlsx is a zip file");
    }

    private static String text(WebElement row) {
        return row == null ? null : row.getText();
    }

    private static WebElement rowWith(List<WebElement> rows, String text, String status) {
        for (WebElement row : rows) {
            String t = row.getText();
            if (t.contains(text) && (status == null || t.contains(status))) {
                return row;
            }
        }
        return null;
    }
}
