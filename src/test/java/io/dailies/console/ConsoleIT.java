package io.dailies.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
import io.dailies.report.RunReport;
import jakarta.json.JsonObject;
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
 * in the order a producer works: signed in through the sign-in page, a shot list dropped on the import page, a
 * run started and followed live, a take played, a RETAKE with a note given and found in the grid and the run's
 * report; then bulk render and omit, a run stopped and abandoned, users managed, and a viewer who is offered no
 * action and whose own call is refused.
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
    @Order(0)
    void theSignInPageShowsTheServersDetailForAWrongPasswordAndLandsWhereTheUserWasGoing() {
        browser.manage().deleteAllCookies();
        browser.get(base + "#/projects");
        WebDriverWait wait = waiting(Duration.ofSeconds(30));
        // Not signed in: the console goes to its sign-in page, asking to come back to the projects.
        wait.until(d -> d.getCurrentUrl().contains("/signin.html?next="));
        // The console's calls carry X-Requested-With, so a 401 asks the browser for no password of its own.
        DailiesClient.Answer anonymous = new DailiesClient(base).anonymous().get("api/projects", "X-Requested-With", "dailies-console");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals(null, anonymous.header("WWW-Authenticate"), "no Basic challenge for the console");

        // Too many wrong passwords for a name: the lockout's detail, and the button waits out its Retry-After.
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
        first(wait, By.id("signin-username")).sendKeys(stranger);
        WebElement button = browser.findElement(By.id("signin-button"));
        for (int attempt = 1; attempt <= 10 && !browser.findElement(By.id("signin-wait")).isDisplayed(); attempt++) {
            WebElement password = browser.findElement(By.id("signin-password"));
            password.clear();
            password.sendKeys("guess-" + attempt);
            button.click();
            String answered = String.valueOf(attempt); // the page counts the answers it has shown
            wait.until(d -> answered.equals(d.findElement(By.id("signin-form")).getAttribute("data-answers")));
        }
        assertTrue(browser.findElement(By.id("signin-wait")).getText().matches("try again in \\d+ s"),
                browser.findElement(By.id("signin-wait")).getText());
        assertFalse(button.isEnabled(), "the button waits out the lockout");
        DailiesClient.Answer locked = new DailiesClient(base).anonymous().postJson("api/session",
                "{\"username\": \"" + stranger + "\", \"password\": \"one-more\"}");
        assertEquals(429, locked.status(), locked.body());
        assertNotNull(locked.header("Retry-After"));
        // The server's detail (it counts down the seconds, so they are left out of the comparison).
        assertEquals(locked.json().getString("detail").replaceAll("\\d+", "N"),
                browser.findElement(By.id("signin-error")).getText().replaceAll("\\d+", "N"));

        browser.get(base + "#/projects");
        wait.until(d -> d.getCurrentUrl().contains("/signin.html?next=") && d.findElement(By.id("signin-button")).isEnabled());
        first(wait, By.id("signin-username")).sendKeys(DailiesClient.ADMIN_USER);
        browser.findElement(By.id("signin-password")).sendKeys("not-the-password");
        browser.findElement(By.id("signin-button")).click();
        String shown = wait.until(d -> d.findElements(By.id("signin-error")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
        DailiesClient.Answer refused = new DailiesClient(base).anonymous().postJson("api/session",
                "{\"username\": \"" + DailiesClient.ADMIN_USER + "\", \"password\": \"not-the-password\"}");
        assertEquals(401, refused.status(), refused.body());
        assertEquals(refused.json().getString("detail"), shown, "the server's detail");
        assertTrue(browser.getCurrentUrl().contains("/signin.html"), browser.getCurrentUrl());

        WebElement password = browser.findElement(By.id("signin-password"));
        password.clear();
        password.sendKeys(DailiesClient.ADMIN_PASSWORD);
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/projects"));
        wait.until(d -> DailiesClient.ADMIN_USER.equals(d.findElement(By.id("signed-in-user")).getText()));
        first(wait, By.xpath("//main//h2[text()='Projects']"));
        // The reviewer is the signed-in user now: no name to type in the header.
        assertTrue(browser.findElements(By.id("reviewer-name")).isEmpty());
        assertTrue(browser.findElement(By.id("sign-out")).isDisplayed());
    }

    @Test
    @Order(1)
    void aShotListDroppedOnTheImportPageIsImported() throws Exception {
        WebDriverWait wait = go("#/imports");
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
        WebDriverWait wait = go("#/settings/" + projectId);
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

        // The provider: its address and whether a key is set, never the key.
        JsonObject provider = api.get("api/provider").json();
        assertEquals(provider.getString("baseUrl"), first(wait, By.id("provider-url")).getText());
        assertEquals(provider.getBoolean("keySet") ? "set" : "not set", browser.findElement(By.id("provider-key")).getText());
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

    @Test
    @Order(9)
    void selectedShotsAreRenderedByTheirOwnRunAndOmittedAndBroughtBack() {
        WebDriverWait wait = open("#/projects/" + projectId, projectId, "the import test imported the project");
        DailiesClient api = new DailiesClient(base);
        // Two shots the first run rendered and scored, so the provider takes them again.
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("tr.shot-row")).stream()
                    .filter(e -> !e.findElements(By.cssSelector(".status-SCORED")).isEmpty()).toList();
            return r.size() >= 2 ? r : null;
        });
        String first = rows.get(0).getAttribute("data-shot-id");
        String second = rows.get(1).getAttribute("data-shot-id");
        rows.get(0).findElement(By.cssSelector("input.pick")).click();
        rows.get(1).findElement(By.cssSelector("input.pick")).click();
        browser.findElement(By.id("bulk-render")).click();
        // A run of just those two shots, linked from the grid.
        WebElement link = first(wait, By.id("bulk-run-link"));
        long rendered = Long.parseLong(link.getAttribute("href").replaceAll(".*#/runs/(\\d+)$", "$1"));
        assertEquals(2, api.get("api/runs/" + rendered).json().getInt("total"));
        link.click();
        waiting(Duration.ofMinutes(5)).until(d -> "COMPLETED".equals(d.findElement(By.id("run-progress")).getAttribute("data-status")));
        Set<String> shots = new java.util.HashSet<>();
        for (jakarta.json.JsonValue t : api.all("api/runs/" + rendered + "/takes")) {
            shots.add(String.valueOf(t.asJsonObject().getJsonNumber("shotId").longValue()));
        }
        assertEquals(Set.of(first, second), shots, "the run rendered the selected shots only");

        // Omitted: the shot leaves the grid's shots in the film, shows among the omitted, and comes back.
        browser.get(base + "#/projects/" + projectId);
        first(wait, By.cssSelector("tr.shot-row[data-shot-id='" + first + "'] input.pick")).click();
        browser.findElement(By.id("bulk-omit")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().equals("1 shot omitted."));
        wait.until(d -> d.findElements(By.cssSelector("tr.shot-row[data-shot-id='" + first + "']")).isEmpty()
                && !d.findElements(By.cssSelector("tr.shot-row")).isEmpty());
        assertTrue(omitted(api).contains(first), "omitted: " + omitted(api));
        browser.findElement(By.cssSelector("#filter-omitted option[value='true']")).click();
        first(wait, By.cssSelector("tr.shot-row.omitted[data-shot-id='" + first + "'] input.pick")).click();
        browser.findElement(By.id("bulk-bring-back")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().equals("1 shot brought back."));
        wait.until(d -> d.findElements(By.cssSelector("tr.shot-row[data-shot-id='" + first + "']")).isEmpty());
        assertFalse(omitted(api).contains(first), "brought back: " + omitted(api));

        // Nothing selected: the page says so, no call is made.
        browser.get(base + "#/projects/" + projectId);
        first(wait, By.id("bulk-render")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().startsWith("Select shots first"));
    }

    @Test
    @Order(10)
    void aRunStoppedFromItsPageIsAbandoned() {
        DailiesClient api = new DailiesClient(base);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("abandon-" + tag + ".xlsx", Workbooks.shots(tag, 2), "Abandon " + tag);
        long project = imported.getJsonNumber("projectId").longValue();
        // One generation never finishes at the provider, so the run is running when the page stops it.
        assertEquals(200, api.put("emulator/v1/control/faults", "{\"seed\":7,\"rules\":[{\"fault\":\"stuck\",\"prompt\":\"" + tag + "-1 \"}]}").status());
        try {
            DailiesClient.Answer started = api.post("api/projects/" + project + "/runs?mode=sync", null, new byte[0]);
            assertEquals(202, started.status(), started.body());
            long run = started.json().getJsonNumber("id").longValue();
            WebDriverWait wait = go("#/runs/" + run);
            waiting(Duration.ofSeconds(30)).until(d -> "RUNNING".equals(d.findElement(By.id("run-progress")).getAttribute("data-status"))
                    && api.get("emulator/v1/control/faults").json().getJsonArray("rules").getJsonObject(0).getInt("fired") == 1);
            first(wait, By.cssSelector("#run-actions button.stop-run")).click();
            waiting(Duration.ofSeconds(60)).until(d -> "STOPPED".equals(d.findElement(By.id("run-progress")).getAttribute("data-status")));
            first(wait, By.cssSelector("#run-actions button.restart-run"));
            // While the stopped job winds down the server says to ask again in a moment: the button is pressed again.
            wait.until(d -> {
                if (!d.findElements(By.cssSelector("#run-actions .abandoned")).isEmpty()) {
                    return true;
                }
                List<WebElement> abandon = d.findElements(By.cssSelector("#run-actions button.abandon-run"));
                if (!abandon.isEmpty() && abandon.get(0).isEnabled()) {
                    abandon.get(0).click();
                    d.switchTo().alert().accept();
                }
                return false;
            });
            // The run keeps its status and says who abandoned it; it offers nothing more.
            String abandoned = first(wait, By.cssSelector("#run-actions .abandoned")).getText();
            assertTrue(abandoned.startsWith("abandoned by " + DailiesClient.ADMIN_USER), abandoned);
            assertTrue(browser.findElements(By.cssSelector("#run-actions button")).isEmpty(), "nothing more to do with an abandoned run");
            JsonObject after = api.get("api/runs/" + run).json();
            assertEquals("STOPPED", after.getString("status"), after.toString());
            assertEquals(DailiesClient.ADMIN_USER, after.getString("abandonedBy"), after.toString());
            assertEquals("STOPPED", browser.findElement(By.id("run-status")).getText());
            // It can no longer be restarted.
            DailiesClient.Answer restart = api.post("api/runs/" + run + "/restart", null, new byte[0]);
            assertEquals(409, restart.status(), restart.body());
        } finally {
            api.delete("emulator/v1/control/faults");
        }
    }

    @Test
    @Order(11)
    void anAdminCreatesAUserChangesTheirRoleDisablesEnablesAndSetsTheirPassword() {
        WebDriverWait wait = go("#/settings");
        first(wait, By.id("users-link")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/settings/users"));
        String name = "ana-" + UUID.randomUUID().toString().substring(0, 6);
        first(wait, By.id("new-username")).sendKeys(name);
        browser.findElement(By.id("new-password")).sendKeys("first-password-" + name);
        browser.findElement(By.cssSelector("#new-role option[value='reviewer']")).click();
        browser.findElement(By.id("create-user")).click();
        By row = By.cssSelector("table.users tr[data-username='" + name + "']");
        assertTrue(first(wait, row).getText().contains("reviewer"), browser.findElement(row).getText());
        DailiesClient api = new DailiesClient(base);
        assertEquals(200, api.as(name, "first-password-" + name).get("api/session").status());

        browser.findElement(row).findElement(By.cssSelector("select.role-select option[value='producer']")).click();
        browser.findElement(row).findElement(By.cssSelector("button.save-role")).click();
        wait.until(d -> d.findElement(row).findElement(By.cssSelector("td.roles")).getText().contains("producer"));
        assertTrue(userOf(api, name).getJsonArray("roles").toString().contains("producer"));

        browser.findElement(row).findElement(By.cssSelector("button.disable-user")).click();
        wait.until(d -> "false".equals(d.findElement(row).getAttribute("data-enabled")));
        assertEquals(401, api.as(name, "first-password-" + name).get("api/session").status(), "a disabled user cannot sign in");
        browser.findElement(row).findElement(By.cssSelector("button.enable-user")).click();
        wait.until(d -> "true".equals(d.findElement(row).getAttribute("data-enabled")));

        browser.findElement(row).findElement(By.cssSelector("input.user-password")).sendKeys("second-password-" + name);
        browser.findElement(row).findElement(By.cssSelector("button.set-password")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().equals(name + ": password set."));
        assertEquals(200, api.as(name, "second-password-" + name).get("api/session").status());
        assertEquals(401, api.as(name, "first-password-" + name).get("api/session").status());

        // The last enabled admin cannot be disabled: the server's detail is shown.
        browser.findElement(By.cssSelector("table.users tr[data-username='" + DailiesClient.ADMIN_USER + "'] button.disable-user")).click();
        String refused = wait.until(d -> d.findElements(By.cssSelector("#flash.flash-error")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).findFirst().orElse(null));
        DailiesClient.Answer last = api.post("api/users/" + DailiesClient.ADMIN_USER + "/disable", null, new byte[0]);
        assertEquals(409, last.status(), last.body());
        assertEquals(last.json().getString("detail"), refused);
    }

    @Test
    @Order(12)
    void aViewerIsOfferedNoActionAndTheirOwnCallIsRefused() {
        Assumptions.assumeTrue(runId != null && takeId != null, "the run and take tests rendered a take");
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "viewer-password-" + viewer;
        DailiesClient.Answer created = new DailiesClient(base).postJson("api/users",
                "{\"username\": \"" + viewer + "\", \"password\": \"" + password + "\", \"roles\": [\"viewer\"]}");
        assertEquals(201, created.status(), created.body());

        // Signed out as the admin, signed in as the viewer from the page they asked for.
        WebDriverWait wait = go("#/projects/" + projectId, viewer, password);
        wait.until(d -> d.findElements(By.cssSelector("tr.shot-row")).size() >= 3);
        assertNoActions("the grid", "#bulk-accept", "#bulk-render", "#bulk-omit", "input.pick", "#bulk-note", "div.bulk");
        assertFalse(browser.findElements(By.cssSelector("tr.shot-row a.review-link")).isEmpty(), "a viewer still opens takes");

        assertNoActions(wait, "#/runs/" + runId, By.cssSelector("#run-takes table.takes"), "#run-actions button");
        assertNoActions(wait, "#/runs", By.cssSelector("table.runs tbody tr"), "#start-run", "#start-section", "table.runs button");

        assertNoActions(wait, "#/takes/" + runId + "/" + takeId, By.cssSelector("table.criteria"),
                "#accept-button", "#review-button", "#retake-button", "#review-note", "#retake-change-button");
        String verdict = browser.findElement(By.id("take-verdict")).getText();
        new Actions(browser).sendKeys("a").perform(); // the keys give no verdict either
        assertEquals(verdict, browser.findElement(By.id("take-verdict")).getText());

        assertNoActions(wait, "#/imports", By.cssSelector("table.imports"), "#drop-zone", "#upload-project");
        assertNoActions(wait, "#/settings/" + projectId, By.cssSelector("#thresholds-form input[name=passMark]"),
                "#save-thresholds", "#clear-thresholds");
        assertFalse(browser.findElement(By.cssSelector("#thresholds-form input[name=passMark]")).isEnabled());
        assertNoActions(wait, "#/schedules/" + projectId, By.xpath("//main//h3[text()='Morning dailies']"),
                "#create-schedule", "button.pause", "button.delete");
        assertNoActions(wait, "#/settings/users", By.id("my-password-form"), "#new-user-form", "table.users");
        assertTrue(browser.findElements(By.cssSelector("[data-needs]")).isEmpty(), "no element a viewer may not use is on the page");
        // What a viewer may change: their own password, a call with their session and its CSRF token.
        String changed = password + "-2";
        browser.findElement(By.id("my-password")).sendKeys(changed);
        browser.findElement(By.id("my-password-again")).sendKeys(changed);
        browser.findElement(By.id("change-my-password")).click();
        wait.until(d -> d.findElement(By.id("flash")).getText().equals("Your password is changed."));
        assertEquals(200, new DailiesClient(base).as(viewer, changed).get("api/session").status());

        // The viewer's own call from the page, with their session and CSRF token: the server refuses it.
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = decodeURIComponent((document.cookie.match(/(?:^|;\\s*)dailies-csrf=([^;]*)/) || [])[1] || '');
                fetch('api/projects/' + arguments[0] + '/runs', {method: 'POST', credentials: 'same-origin',
                        headers: {'X-Requested-With': 'dailies-console', 'X-CSRF-Token': csrf, 'Content-Type': 'application/json'},
                        body: JSON.stringify({shots: []})})
                    .then(async r => done({status: r.status, csrf: csrf, body: await r.text()}), e => done({status: -1, body: String(e)}));
                """, projectId);
        assertFalse(String.valueOf(answer.get("csrf")).isEmpty(), "the session's CSRF cookie is readable: " + answer);
        assertEquals(403L, ((Number) answer.get("status")).longValue(), String.valueOf(answer));
        // The viewer's session itself says what they may do.
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('api/session', {headers: {'X-Requested-With': 'dailies-console'}}).then(r => r.json()).then(done, e => done({error: String(e)}));
                """);
        assertEquals(viewer, session.get("username"));
        assertEquals(List.of("viewer"), session.get("roles"));

        // Signed out, the console is the sign-in page again.
        browser.findElement(By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().contains("/signin.html"));
        browser.get(base + "#/runs");
        wait.until(d -> d.getCurrentUrl().contains("/signin.html?next="));
    }

    @Test
    @Order(13)
    void aReviewerGivesVerdictsUnderTheirOwnNameButIsOfferedNoProducersAction() {
        Assumptions.assumeTrue(runId != null && takeId != null, "the run and take tests rendered a take");
        String reviewer = "reviewer-" + UUID.randomUUID().toString().substring(0, 6);
        DailiesClient api = new DailiesClient(base);
        api.withNewUser(reviewer, "reviewer"); // its password is "password-of-" + the name

        WebDriverWait wait = go("#/takes/" + runId + "/" + takeId, reviewer, "password-of-" + reviewer);
        first(wait, By.id("accept-button"));
        assertNoActions("the take", "#retake-change-button", "#retake-change");
        first(wait, By.id("review-note")).sendKeys("seen by the reviewer");
        browser.findElement(By.id("review-note")).sendKeys(Keys.ESCAPE);
        new Actions(browser).sendKeys("v").perform();
        wait.until(d -> d.findElement(By.id("take-verdict")).getText().equals("REVIEW"));
        // The reviewer of record is the signed-in user, not a name the page sends.
        JsonObject review = api.get("api/takes/" + takeId + "/reviews").array().stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(r -> "seen by the reviewer".equals(r.getString("notes", null))).findFirst().orElseThrow();
        assertEquals(reviewer, review.getString("reviewer"), review.toString());

        assertNoActions(wait, "#/projects/" + projectId, By.id("bulk-accept"), "#bulk-render", "#bulk-omit", "#bulk-bring-back");
        assertNoActions(wait, "#/runs", By.cssSelector("table.runs tbody tr"), "#start-run", "table.runs button");
        assertNoActions(wait, "#/imports", By.cssSelector("table.imports"), "#drop-zone");
    }

    /** Opens a page of the console, waits for what shows it has loaded, and checks it offers none of the selectors. */
    private void assertNoActions(WebDriverWait wait, String route, By loaded, String... selectors) {
        browser.get(base + route);
        first(wait, loaded);
        assertNoActions(route, selectors);
    }

    private static void assertNoActions(String page, String... selectors) {
        for (String selector : selectors) {
            List<WebElement> found = browser.findElements(By.cssSelector(selector));
            assertTrue(found.isEmpty(), page + " offers a viewer " + selector + ": " + found.stream().map(WebElement::getText).toList());
        }
    }

    private static Set<String> omitted(DailiesClient api) {
        return api.all("api/projects/" + projectId + "/shots?omitted=true").stream()
                .map(v -> String.valueOf(v.asJsonObject().getJsonNumber("id").longValue())).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonObject userOf(DailiesClient api, String name) {
        DailiesClient.Answer users = api.get("api/users");
        assertEquals(200, users.status(), users.body());
        return users.array().stream().map(jakarta.json.JsonValue::asJsonObject).filter(u -> u.getString("username").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in " + users.body()));
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
        return go(route);
    }

    /** Opens a page of the console as the admin, through the sign-in page when the browser is not signed in as the admin. */
    private WebDriverWait go(String route) {
        return go(route, DailiesClient.ADMIN_USER, DailiesClient.ADMIN_PASSWORD);
    }

    private WebDriverWait go(String route, String user, String password) {
        WebDriverWait wait = waiting(Duration.ofSeconds(30));
        browser.get(base + route);
        String who = wait.until(d -> d.getCurrentUrl().contains("/signin.html") ? ""
                : d.findElements(By.id("signed-in-user")).stream().map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(null));
        if (who.equals(user)) {
            return wait;
        }
        if (!who.isEmpty()) {
            browser.findElement(By.id("sign-out")).click();
            wait.until(d -> d.getCurrentUrl().contains("/signin.html"));
            browser.get(base + route);
        }
        signIn(wait, user, password);
        wait.until(d -> d.getCurrentUrl().endsWith(route));
        return wait;
    }

    /** Signs in on the sign-in page the console has sent the browser to; it goes back where it was. */
    private static void signIn(WebDriverWait wait, String user, String password) {
        wait.until(d -> d.getCurrentUrl().contains("/signin.html"));
        WebElement name = first(wait, By.id("signin-username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("signin-password")).sendKeys(password);
        browser.findElement(By.id("signin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/signin.html")
                && d.findElements(By.id("signed-in-user")).stream().anyMatch(e -> e.getText().equals(user)));
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
