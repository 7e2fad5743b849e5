package io.dailies.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.report.RunReport;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's headless Chromium on the real server, one deployment and one browser for the class,
 * in the order a producer works: a shot list dropped on the import page, a run started and followed live, a take
 * played, a RETAKE with a note given and found in the grid and the run's report.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private static ChromeDriver browser;
    private static Path profile;

    // What one test leaves for the next.
    private static final String PROJECT = "Console " + UUID.randomUUID().toString().substring(0, 8);
    private static Long projectId;
    private static Long runId;
    private static Long takeId;

    @BeforeAll
    static void openBrowser() throws Exception {
        profile = Files.createTempDirectory("dailies-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        // No GPU, no sandbox as root, and no background traffic: this machine reaches only localhost.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--autoplay-policy=no-user-gesture-required", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/console-" + test.getTestMethod().orElseThrow().getName() + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aShotListDroppedOnTheImportPageIsImported() throws Exception {
        browser.get(base + "#/imports");
        WebDriverWait wait = waiting(Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("drop-zone")).isEmpty());
        browser.findElement(By.id("upload-project")).sendKeys(PROJECT);
        byte[] workbook = Files.readAllBytes(Deployments.sample("sample-shot-list.xlsx").toPath());
        drop(workbook, "sample-shot-list.xlsx");
        // The upload shows its progress bar at once.
        waiting(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#upload-progress progress")).isEmpty());

        WebDriverWait imported = waiting(Duration.ofSeconds(120));
        WebElement done = imported.until(d -> {
            List<WebElement> box = d.findElements(By.cssSelector("section.import[data-status=COMPLETED]"));
            return box.isEmpty() ? null : box.get(0);
        });
        String text = done.getText();
        assertTrue(text.contains("sample-shot-list.xlsx"), text);
        String workbookLink = done.findElement(By.id("workbook-link")).getAttribute("href");
        projectId = Long.valueOf(workbookLink.replaceAll(".*/projects/(\\d+)/workbook$", "$1"));
        String row = imported.until(d -> d.findElements(By.cssSelector("table.imports tbody tr")).stream()
                .map(WebElement::getText).filter(t -> t.contains(PROJECT)).findFirst().orElse(null));
        assertTrue(row.contains("COMPLETED"), row);
    }

    @Test
    @Order(2)
    void aRunStartedFromTheConsoleMovesLiveWithoutPolling() {
        WebDriverWait wait = open("#/runs", projectId, "the import test imported the project");
        wait.until(d -> !d.findElements(By.cssSelector("#run-project option[value='" + projectId + "']")).isEmpty());
        browser.findElement(By.cssSelector("#run-project option[value='" + projectId + "']")).click();
        browser.findElement(By.cssSelector("#run-mode option[value='sync']")).click();
        // A mark on the window: if the page reloaded, it would be gone.
        browser.executeScript("window.__sameDocument = true;");
        browser.findElement(By.id("start-run")).click();

        wait.until(d -> d.getCurrentUrl().matches(".*#/runs/\\d+$"));
        runId = Long.valueOf(browser.getCurrentUrl().replaceAll(".*#/runs/(\\d+)$", "$1"));

        // Every value the progress label takes, as it changes: it must move several times on its own.
        Set<String> seen = new LinkedHashSet<>();
        WebDriverWait render = waiting(Duration.ofMinutes(5));
        render.until(d -> {
            WebElement bar = d.findElement(By.id("run-progress"));
            seen.add(bar.findElement(By.cssSelector(".progress-label")).getText());
            return "COMPLETED".equals(bar.getAttribute("data-status"));
        });
        String last = browser.findElement(By.cssSelector("#run-progress .progress-label")).getText();
        assertTrue(last.matches("(\\d+) / \\1 shots") && !last.startsWith("0 "), "every shot done: " + last);
        assertTrue(seen.size() >= 2, "the progress moved on the page: " + seen);
        int events = Integer.parseInt(browser.findElement(By.id("run-progress")).getAttribute("data-events"));
        assertTrue(events >= 2, "progress came as server-sent events: " + events);
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__sameDocument === true;"), "no reload");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType}));");
        long runGets = requests.stream().filter(e -> String.valueOf(e.get("name")).matches(".*/api/runs/" + runId + "(\\?.*)?$")).count();
        assertTrue(runGets <= 1, "the run was read once, then pushed; no polling: " + requests);
        assertTrue(requests.stream().anyMatch(e -> String.valueOf(e.get("name")).endsWith("/api/runs/" + runId + "/events")),
                "the page followed the run's event stream: " + requests);
        // The report link appears when the run has ended.
        WebElement report = first(wait, By.cssSelector("#run-actions a.report-link"));
        assertTrue(report.getAttribute("href").endsWith("/api/runs/" + runId + "/report"), report.getAttribute("href"));

        // The run's job steps with their counts: the chunk steps read, wrote and committed what the run rendered.
        String chunkStep = wait.until(d -> d.findElements(By.cssSelector("#run-steps table.steps tbody tr")).stream()
                .filter(r -> Long.parseLong(r.findElement(By.cssSelector("td.read")).getText()) > 0
                        && Long.parseLong(r.findElement(By.cssSelector("td.commit")).getText()) > 0)
                .map(WebElement::getText).findFirst().orElse(null));
        assertNotNull(chunkStep);
        DailiesClient.Answer none = new DailiesClient(base).get("api/jobs/987654321/steps");
        assertEquals(404, none.status());
        assertEquals("No job execution 987654321.", none.json().getString("detail"));
    }

    @Test
    @Order(3)
    void aTakeOpensAndPlays() {
        WebDriverWait wait = open("#/runs/" + runId, runId, "the run test rendered a run");
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("#run-takes a")).stream()
                .filter(a -> a.getText().equals("Review")).findFirst().orElse(null));
        link.click();
        wait.until(d -> d.getCurrentUrl().matches(".*#/takes/\\d+/\\d+/\\d+$"));
        takeId = Long.valueOf(browser.getCurrentUrl().replaceAll(".*#/takes/\\d+/(\\d+)/\\d+$", "$1"));
        wait.until(d -> !d.findElements(By.id("video-a")).isEmpty());
        browser.executeScript("const v = document.getElementById('video-a'); v.muted = true; v.play().catch(() => {});");
        Object state = waiting(Duration.ofSeconds(60)).until(d -> {
            Map<?, ?> v = (Map<?, ?>) browser.executeScript("""
                    const v = document.getElementById('video-a');
                    return {ready: v.readyState, error: v.error ? v.error.code + ' ' + v.error.message : null,
                            h264: v.canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"')};""");
            if (v.get("error") != null) {
                throw new AssertionError("the player refused the take: " + v);
            }
            return ((Number) v.get("ready")).intValue() >= 2 ? v : null;
        });
        assertNotNull(state);
        // Seeking: the player jumps into the take, which the server answers with a byte range.
        browser.executeScript("const v = document.getElementById('video-a'); v.pause(); v.currentTime = v.duration / 2;");
        waiting(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "const v = document.getElementById('video-a'); return !v.seeking && v.currentTime >= v.duration / 2 - 0.1 && v.readyState >= 2;")));
        // The criteria with their reasons are on the page.
        String criteria = browser.findElement(By.cssSelector("table.criteria")).getText();
        assertTrue(criteria.contains("Motion") && criteria.contains("Audio"), criteria);
    }

    @Test
    @Order(4)
    void aRetakeWithANoteShowsInTheGridAndTheReport() throws Exception {
        String note = "goblet floats " + UUID.randomUUID().toString().substring(0, 6);
        WebDriverWait wait = open("#/takes/" + runId + "/" + takeId, takeId, "the take test opened a take");
        WebElement noteBox = first(wait, By.id("review-note"));
        noteBox.sendKeys(note);
        noteBox.sendKeys(Keys.ESCAPE);
        // The keyboard shortcut, not the button.
        new Actions(browser).sendKeys("r").perform();
        wait.until(d -> d.findElement(By.id("take-verdict")).getText().equals("RETAKE"));

        browser.get(base + "#/projects/" + projectId);
        WebElement row = first(wait, By.cssSelector("tr.shot-row[data-take-id='" + takeId + "']"));
        assertEquals("RETAKE", row.findElement(By.cssSelector(".verdict-cell")).getText());
        assertEquals(note, row.findElement(By.cssSelector(".note-cell")).getText());
        String shot = row.getAttribute("data-shot");
        // The grid asked for its page's takes by shot id: that filter answers the one take of the shot.
        DailiesClient.Answer ofShot = new DailiesClient(base).get("api/runs/" + runId + "/takes?shot=" + row.getAttribute("data-shot-id"));
        assertEquals(1, ofShot.array().size(), ofShot.body());
        assertEquals(takeId.longValue(), ofShot.array().getJsonObject(0).getJsonNumber("id").longValue());

        // The grid's verdict filter finds it.
        browser.findElement(By.cssSelector("#filter-verdict option[value='RETAKE']")).click();
        wait.until(d -> d.findElements(By.cssSelector("tr.shot-row")).stream()
                .allMatch(r -> r.findElement(By.cssSelector(".verdict-cell")).getText().equals("RETAKE"))
                && !d.findElements(By.cssSelector("tr.shot-row[data-take-id='" + takeId + "']")).isEmpty());

        DailiesClient.Answer report = new DailiesClient(base).get("api/runs/" + runId + "/report");
        assertEquals(200, report.status());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet takes = book.getSheet(RunReport.SHEET);
            DataFormatter format = new DataFormatter();
            int seq = RunReport.HEADERS.indexOf("Sequence");
            int code = RunReport.HEADERS.indexOf("Shot");
            int verdict = RunReport.HEADERS.indexOf("Verdict");
            int notes = RunReport.HEADERS.indexOf("Reviewer notes");
            Row found = null;
            for (Row r : takes) {
                if (r.getRowNum() > 0 && shot.equals(format.formatCellValue(r.getCell(seq)) + "-" + format.formatCellValue(r.getCell(code)))) {
                    found = r;
                }
            }
            assertNotNull(found, "the report has " + shot);
            assertEquals("RETAKE", format.formatCellValue(found.getCell(verdict)));
            assertEquals(note, format.formatCellValue(found.getCell(notes)));
        }
    }

    @Test
    @Order(5)
    void thresholdsAreSavedWithTheirVersionALostUpdateShowsTheServersDetailAndTheCatalogIsShown() {
        Assumptions.assumeTrue(projectId != null, "the import test imported the project");
        DailiesClient api = new DailiesClient(base);
        String thresholds = "api/projects/" + projectId + "/thresholds";
        browser.get(base + "#/settings/" + projectId);
        WebDriverWait wait = waiting(Duration.ofSeconds(30));
        WebElement passMark = first(wait, By.cssSelector("#thresholds-form input[name=passMark]"));

        // Someone else saves meanwhile: the page's version is stale, the server refuses, the page says why.
        DailiesClient.Answer read = api.get(thresholds);
        assertEquals(200, api.put(thresholds, "{\"passMark\": 75}", "If-Match", read.header("ETag")).status());
        passMark.clear();
        passMark.sendKeys("80");
        browser.findElement(By.id("save-thresholds")).click();
        WebElement flash = wait.until(d -> d.findElements(By.cssSelector("#flash.flash-error")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        String said = flash.getText();
        String detail = api.put(thresholds, "{\"passMark\": 80}", "If-Match", read.header("ETag")).json().getString("detail");
        assertTrue(said.startsWith(detail), "the server's detail, not a trace: " + said + " / " + detail);

        browser.navigate().refresh();
        passMark = first(wait, By.cssSelector("#thresholds-form input[name=passMark]"));
        passMark.clear();
        passMark.sendKeys("80");
        browser.findElement(By.id("save-thresholds")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().equals("Thresholds saved."));
        assertEquals(80, api.get(thresholds).json().getJsonObject("effective").getInt("passMark"));
        api.put(thresholds, "{}");

        // The model catalog, read-only, from GET /api/models.
        WebElement model = first(wait, By.cssSelector("#catalog tr[data-model='sora-2']"));
        assertTrue(model.getText().contains("1280x720"), model.getText());
        DailiesClient.Answer models = api.get("api/models");
        assertEquals(200, models.status());
        assertEquals(models.array().size(), models.total());
        assertEquals("sora-2", models.array().getJsonObject(0).getString("name"));
    }

    @Test
    @Order(6)
    void aScheduleIsCreatedPausedAndDeleted() {
        WebDriverWait wait = open("#/schedules/" + projectId, projectId, "the import test imported the project");
        WebElement zone = first(wait, By.id("schedule-zone"));
        zone.clear();
        zone.sendKeys("Mars/Olympus");
        browser.findElement(By.id("create-schedule")).click();
        String refused = wait.until(d -> d.findElements(By.cssSelector("#flash.flash-error")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(refused.startsWith("zone: "), refused);

        zone.clear();
        zone.sendKeys("Europe/Paris");
        browser.findElement(By.id("create-schedule")).click();
        WebElement row = first(wait, By.cssSelector("table.schedules tbody tr[data-id]"));
        assertTrue(row.getText().contains("active"), row.getText());
        String id = row.getAttribute("data-id");
        row.findElement(By.cssSelector("button.pause")).click();
        wait.until(d -> d.findElement(By.cssSelector("tr[data-id='" + id + "']")).getText().contains("paused"));
        browser.findElement(By.cssSelector("tr[data-id='" + id + "'] button.delete")).click();
        browser.switchTo().alert().accept();
        wait.until(d -> d.findElements(By.cssSelector("tr[data-id='" + id + "']")).isEmpty());
    }

    @Test
    @Order(7)
    void aRetakeWithOneChangeIsRenderedAndComparedSideBySide() {
        WebDriverWait wait = open("#/takes/" + runId + "/" + takeId, takeId, "the take test opened a take");
        first(wait, By.id("retake-change")).sendKeys("same shot, switch to 85 mm");
        browser.findElement(By.id("retake-change-button")).click();
        String diff = first(wait, By.cssSelector("#retake-result pre.diff")).getText();
        assertTrue(diff.contains("85"), diff);

        // The new prompt rendered by a second run, followed on its page until it ends.
        DailiesClient.Answer started = new DailiesClient(base).post("api/projects/" + projectId + "/runs?mode=sync", "application/json", new byte[0]);
        assertEquals(202, started.status(), started.body());
        long second = started.json().getJsonNumber("id").longValue();
        browser.get(base + "#/runs/" + second);
        waiting(Duration.ofMinutes(5)).until(d -> "COMPLETED".equals(d.findElement(By.id("run-progress")).getAttribute("data-status")));

        browser.get(base + "#/takes/" + runId + "/" + takeId);
        first(wait, By.id("compare-button")).click();
        first(wait, By.id("video-b"));
        assertTrue(browser.findElement(By.cssSelector("#compare-take")).getText().contains("run #" + second),
                browser.findElement(By.cssSelector("#compare-take")).getText());
        waiting(Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return ['video-a', 'video-b'].every(id => document.getElementById(id).readyState >= 2);")));
        // The prompt's diff to the previous version names the change.
        String promptDiff = browser.findElements(By.cssSelector("pre.diff")).stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(promptDiff.contains("85"), promptDiff);
    }

    @Test
    @Order(8)
    void aRejectedDropShowsItsIssuesAndBulkVerdictsReachTheGrid() {
        WebDriverWait wait = open("#/imports", projectId, "the import test imported the project");
        first(wait, By.id("upload-project")).sendKeys("Refused " + UUID.randomUUID().toString().substring(0, 8));
        drop("Scene,Take,Length\nA,1,four\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "not-a-shot-list.csv");
        WebElement refused = waiting(Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("section.import")).stream()
                .filter(e -> !"QUEUED".equals(e.getAttribute("data-status")) && !"RUNNING".equals(e.getAttribute("data-status")))
                .findFirst().orElse(null));
        assertEquals("REJECTED", refused.getAttribute("data-status"), refused.getText());
        List<WebElement> issues = refused.findElements(By.cssSelector("table.issues tbody tr"));
        assertFalse(issues.isEmpty(), refused.getText());
        assertFalse(refused.getText().contains("Exception"), refused.getText());

        // Two shots of the grid accepted at once, with one note.
        browser.get(base + "#/projects/" + projectId);
        List<WebElement> picks = waiting(Duration.ofSeconds(30)).until(d -> {
            List<WebElement> boxes = d.findElements(By.cssSelector("tr.shot-row input.pick:not(:disabled)"));
            return boxes.size() >= 3 ? boxes : null;
        });
        picks.get(1).click();
        picks.get(2).click();
        browser.findElement(By.id("bulk-note")).sendKeys("approved in dailies");
        browser.findElement(By.id("bulk-accept")).click();
        wait.until(d -> d.findElements(By.cssSelector("tr.shot-row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".note-cell")).getText().equals("approved in dailies")
                        && r.findElement(By.cssSelector(".verdict-cell")).getText().equals("ACCEPT")).count() == 2);
    }

    /**
     * A real drag-and-drop cannot come from outside the browser in WebDriver: the page builds the File from the
     * bytes and the drop zone receives the same DragEvent a desktop drop would give it.
     */
    private static void drop(byte[] file, String name) {
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const file = new File([bytes], arguments[1]);
                const data = new DataTransfer();
                data.items.add(file);
                const zone = document.getElementById('drop-zone');
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, Base64.getEncoder().encodeToString(file), name);
    }

    /** Opens a page of the console once the test before has left what it needs. */
    private WebDriverWait open(String route, Object needed, String why) {
        Assumptions.assumeTrue(needed != null, why);
        browser.get(base + route);
        return waiting(Duration.ofSeconds(30));
    }

    private static WebElement first(WebDriverWait wait, By by) {
        return wait.until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private static WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
