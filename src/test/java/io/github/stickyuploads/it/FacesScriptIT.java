package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.script.CannedAnswers;
import io.github.stickyuploads.it.faces.ApplicationForm;
import io.github.stickyuploads.it.script.SlowStorage;
import io.github.stickyuploads.it.script.SlowUploads;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The script's behaviours in Chromium: progress, refusals and broken answers, replace and remove, a submit
 * during an upload, checks before sending, several files, drag and drop, keyboard only, German, and an
 * accessibility check. Slow uploads go to an endpoint whose storage reads at about 300 KB/s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FacesScriptIT {

    private static final StorageFolder TEMP = StorageFolder.fresh("script-temp");
    private static final StorageFolder SLOW = StorageFolder.fresh("script-slow");
    private static final Path FILES = Path.of("target", "it-files-script").toAbsolutePath();
    /** Bytes per second the browser sends: a 1.5 MB file takes about five seconds. */
    private static final int UPLOAD_PACE = 300_000;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("script", Map.of("stickyuploads.temp.path", TEMP.root().toString(),
                        "test.slow-storage", SLOW.root().toString(), "stickyuploads.max-size", "2M",
                        "stickyuploads.allowed-types", "application/pdf, text/plain"),
                List.of("script.xhtml", "errors.xhtml"), ApplicationForm.class, SlowStorage.class, SlowUploads.class,
                CannedAnswers.class, ApiApplication.class);
    }

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(FILES);
        Files.write(FILES.resolve("big.pdf"), Samples.pdf(1_500_000));
        Files.write(FILES.resolve("small.pdf"), Samples.pdf(20_000));
        Files.write(FILES.resolve("huge.pdf"), Samples.pdf(3_000_000));
        Files.write(FILES.resolve("note.txt"), Samples.text(2_000));
        Files.write(FILES.resolve("picture.png"), Samples.png());
        Files.write(FILES.resolve("bell\u0007.pdf"), Samples.pdf(10_000));
        for (int i = 1; i <= 4; i++) {
            Files.write(FILES.resolve("part" + i + ".pdf"), Samples.pdf(700_000 + i));
        }
    }

    private Browser open(String page) {
        Browser browser = Browser.loggedIn(deployment, "alice", true);
        browser.throttleUploads(UPLOAD_PACE);
        browser.open("app/" + page);
        return browser;
    }

    /**
     * The page of four plain inputs, each pointed at a canned answer instead of the endpoint, as a proxy or a
     * refusing server would answer: the tag itself only names endpoints of the application.
     */
    private Browser openErrors() {
        Browser browser = open("errors.xhtml");
        for (String status : new String[] {"413", "415", "403", "502"}) {
            browser.script("document.getElementById('f:e" + status + ":file').dataset.uploadUrl = arguments[0];",
                    deployment.getPath() + "api/canned/" + status);
        }
        return browser;
    }

    private static String status(Browser browser, String widget) {
        return browser.byId(widget + ":status").getText();
    }

    private static List<WebElement> entries(Browser browser, String widget) {
        return browser.driver.findElements(By.cssSelector("#" + widget.replace(":", "\\:") + " .sticky-upload-files > li"));
    }

    private static String entryMessage(Browser browser, String widget) {
        return entries(browser, widget).get(0).findElement(By.className("sticky-upload-message")).getText();
    }

    private static String token(Browser browser, String widget) {
        return entries(browser, widget).get(0).findElement(By.cssSelector("input[data-sticky-token]")).getAttribute("value");
    }

    private static String confirmation(String file) {
        try {
            byte[] bytes = Files.readAllBytes(FILES.resolve(file));
            return "Received " + file + " (" + bytes.length + " bytes, SHA-256 " + Samples.sha256(bytes) + ")";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void showsProgressWithPercentAndBytes() {
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:slow:file", FILES.resolve("big.pdf"));

            String progress = browser.until(d -> {
                String text = status(browser, "f:slow");
                return text.matches("Uploading big\\.pdf… [1-9]\\d?% \\(.+ of 1\\.4 MB\\)") ? text : null;
            });
            assertTrue(Integer.parseInt(browser.byId("f:slow").findElement(By.cssSelector("li progress")).getAttribute("value")) > 0,
                    "the entry's bar moves: " + progress);
            assertEquals("polite", browser.byId("f:slow:status").getAttribute("aria-live"));
            browser.until(d -> status(browser, "f:slow").equals("Uploaded big.pdf (1.4 MB)"));
        }
    }

    @Test
    void replacingAFileAbortsTheUploadInFlightAndTheServerKeepsOnlyTheNewOne() throws InterruptedException {
        int before = SLOW.count();
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:slow:file", FILES.resolve("big.pdf"));
            browser.until(d -> status(browser, "f:slow").contains("%"));

            browser.pick("f:slow:file", FILES.resolve("small.pdf"));
            assertEquals(1, entries(browser, "f:slow").size(), "the first file's entry is gone at once");
            assertEquals("", token(browser, "f:slow"), "no stale token meanwhile");
            browser.until(d -> status(browser, "f:slow").startsWith("Uploaded small.pdf"));
            assertTrue(!token(browser, "f:slow").isEmpty());
        }
        for (int i = 0; i < 50 && SLOW.count() != before + 1; i++) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, SLOW.count(), "the aborted upload left nothing behind");
    }

    @Test
    void aSubmitDuringAnUploadWaitsAndThenGoesOn() {
        try (Browser browser = open("script.xhtml")) {
            browser.byId("f:name").sendKeys("Ann");
            browser.pick("f:slow:file", FILES.resolve("big.pdf"));
            browser.until(d -> status(browser, "f:slow").contains("%"));

            browser.byId("f:send").click();
            assertEquals("Waiting for the upload to finish…", status(browser, "f:slow"));
            browser.until(d -> Integer.parseInt(d.findElement(By.cssSelector("#f\\:slow li progress")).getAttribute("value")) > 30);
            assertEquals("Waiting for the upload to finish…", status(browser, "f:slow"), "still, while the upload goes on");
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("big.pdf"), browser.received());
        }
    }

    @Test
    void aSubmitWaitingForAnUploadThatFailsIsCancelled() {
        try (Browser browser = openErrors()) {
            browser.pick("f:e413:file", FILES.resolve("big.pdf"));
            browser.until(d -> status(browser, "f:e413").contains("%"));
            browser.script("window.stillHere = true;");

            browser.byId("f:send").click();
            browser.until(d -> entryMessage(browser, "f:e413").equals("The file is larger than the limit of 1 KB."));
            assertEquals(Boolean.TRUE, browser.script("return window.stillHere === true;"), "the form was not submitted");
            assertEquals("", token(browser, "f:e413"));
        }
    }

    @Test
    void showsTheServersRefusalsAndAProxysHtmlPagePlainly() {
        try (Browser browser = openErrors()) {
            for (String widget : new String[] {"f:e413", "f:e415", "f:e403", "f:e502"}) {
                browser.pick(widget + ":file", FILES.resolve("small.pdf"));
            }
            Map<String, String> expected = Map.of(
                    "f:e413", "The file is larger than the limit of 1 KB.",
                    "f:e415", "Files of type application/pdf are not accepted here.",
                    "f:e403", "You are not allowed to upload files.",
                    "f:e502", "The upload failed. Please pick the file again.");
            expected.forEach((widget, message) -> {
                browser.until(d -> entryMessage(browser, widget).equals(message));
                assertEquals("failed", entries(browser, widget).get(0).getAttribute("data-state"), widget);
                assertEquals("", token(browser, widget), widget + ": the token is empty after a failure");
                assertEquals("small.pdf: " + message, status(browser, widget), widget + ": announced");
            });
        }
    }

    @Test
    void checksSizeAndTypeBeforeSendingWithTheServersTexts() {
        int before = TEMP.count();
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:pdf:file", FILES.resolve("note.txt"));
            assertEquals("Files of type text/plain are not accepted here.", entryMessage(browser, "f:pdf"));

            browser.pick("f:pdf:file", FILES.resolve("huge.pdf"));
            assertEquals("The file is larger than the limit of 2 MB.", entryMessage(browser, "f:pdf"));
            assertEquals(1, entries(browser, "f:pdf").size());
        }
        assertEquals(before, TEMP.count(), "nothing was sent");
    }

    @Test
    void severalFilesUploadTwoAtATimeAndStickTogether() {
        try (Browser browser = open("script.xhtml")) {
            browser.script("window.active = 0; window.most = 0;"
                    + "document.addEventListener('sticky:start', () => { window.most = Math.max(window.most, ++window.active); });"
                    + "document.addEventListener('sticky:success', () => window.active--);"
                    + "document.addEventListener('sticky:error', () => window.active--);");
            browser.byId("f:many:file").sendKeys(Stream.of("part1.pdf", "part2.pdf", "part3.pdf", "part4.pdf")
                    .map(name -> FILES.resolve(name).toString()).collect(Collectors.joining("\n")));
            browser.until(d -> entries(browser, "f:many").stream().allMatch(entry -> "done".equals(entry.getAttribute("data-state")))
                    && entries(browser, "f:many").size() == 4);
            assertEquals(2L, browser.script("return window.most;"), "two at a time");

            browser.byId("f:send").click();
            browser.until(d -> !d.findElement(By.id("f:nameMessage")).getText().isEmpty());
            assertEquals(4, entries(browser, "f:many").size(), "all four stick");

            browser.byId("f:name").sendKeys("Ann");
            browser.byId("f:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(String.join("\n", confirmation("part1.pdf"), confirmation("part2.pdf"), confirmation("part3.pdf"),
                    confirmation("part4.pdf")), browser.received());
        }
    }

    @Test
    void oneRefusedFileOfSeveralLeavesTheOthersAlone() {
        try (Browser browser = open("script.xhtml")) {
            browser.byId("f:mixed:file").sendKeys(Stream.of("small.pdf", "picture.png", "note.txt")
                    .map(name -> FILES.resolve(name).toString()).collect(Collectors.joining("\n")));
            browser.until(d -> entries(browser, "f:mixed").stream().noneMatch(entry ->
                    List.of("queued", "uploading").contains(entry.getAttribute("data-state"))));
            List<String> states = entries(browser, "f:mixed").stream().map(entry -> entry.getAttribute("data-state")).toList();
            assertEquals(List.of("done", "failed", "done"), states);
            assertEquals("Files of type image/png are not accepted here.",
                    entries(browser, "f:mixed").get(1).findElement(By.className("sticky-upload-message")).getText());

            browser.byId("f:name").sendKeys("Ann");
            browser.byId("f:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("small.pdf") + "\n" + confirmation("note.txt"), browser.received());
        }
    }

    @Test
    void aFileCanBeDroppedOntoTheField() {
        try (Browser browser = open("script.xhtml")) {
            browser.script("window.succeeded = null;"
                    + "document.addEventListener('sticky:success', e => { window.succeeded = e.detail; });"
                    + "const widget = document.getElementById('f:pdf');"
                    + "const data = new DataTransfer();"
                    + "data.items.add(new File(['%PDF-1.7\\n% dropped\\n%%EOF\\n'], 'dropped.pdf', {type: 'application/pdf'}));"
                    + "widget.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                    + "widget.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));");
            browser.until(d -> browser.script("return window.succeeded;") != null);

            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) browser.script("return window.succeeded;");
            assertEquals("dropped.pdf", detail.get("filename"));
            assertEquals("application/pdf", detail.get("contentType"));
            assertEquals(detail.get("token"), token(browser, "f:pdf"));
        }
    }

    @Test
    void aFileNameWithAControlCharacterStillUploads() {
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:pdf:file", FILES.resolve("bell\u0007.pdf"));

            browser.until(d -> !status(browser, "f:pdf").isEmpty() && !status(browser, "f:pdf").startsWith("Uploading"));
            assertEquals("Uploaded bell.pdf (9.8 KB)", status(browser, "f:pdf"));
        }
    }

    @Test
    void theKeyboardAloneRemovesAFileAndTheServerReleasesIt() throws InterruptedException {
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:pdf:file", FILES.resolve("small.pdf"));
            browser.until(d -> status(browser, "f:pdf").startsWith("Uploaded"));
            int before = TEMP.count();

            browser.byId("f:name").click();
            WebElement focused = null;
            for (int i = 0; i < 20; i++) {
                browser.press(Keys.TAB);
                focused = browser.driver.switchTo().activeElement();
                if ("Remove small.pdf".equals(focused.getAttribute("aria-label"))) {
                    break;
                }
            }
            assertEquals("Remove small.pdf", focused.getAttribute("aria-label"), "Remove is reached with Tab");
            browser.press(Keys.ENTER);

            assertEquals("Removed small.pdf.", status(browser, "f:pdf"));
            assertEquals("f:pdf:file", browser.driver.switchTo().activeElement().getAttribute("id"), "focus moves to the file input");
            assertTrue(entries(browser, "f:pdf").isEmpty());
            for (int i = 0; i < 50 && TEMP.count() != before - 1; i++) {
                Thread.sleep(100);
            }
            assertEquals(before - 1, TEMP.count(), "released on the server");
        }
    }

    @Test
    void aGermanBrowserGetsGermanTextsFromTheTagAndTheServer() {
        try (Browser browser = Browser.loggedIn(deployment, "alice", true, "de")) {
            browser.open("app/script.xhtml");
            browser.pick("f:pdf:file", FILES.resolve("note.txt"));
            assertEquals("Dateien vom Typ text/plain werden hier nicht angenommen.", entryMessage(browser, "f:pdf"),
                    "checked before sending, in the page's language");

            browser.pick("f:mixed:file", FILES.resolve("picture.png"));
            browser.until(d -> "failed".equals(entries(browser, "f:mixed").get(0).getAttribute("data-state")));
            assertEquals("Dateien vom Typ image/png werden hier nicht angenommen.", entryMessage(browser, "f:mixed"),
                    "the server's answer, in the request's language");
            assertEquals("Entfernen", entries(browser, "f:mixed").get(0).findElement(By.tagName("button")).getText());
        }
    }

    @Test
    void hasNoAccessibilityViolationsWithFilesInIt() {
        try (Browser browser = open("script.xhtml")) {
            browser.pick("f:pdf:file", FILES.resolve("small.pdf"));
            browser.until(d -> status(browser, "f:pdf").startsWith("Uploaded"));
            browser.byId("f:send").click();
            browser.until(d -> !d.findElement(By.id("f:nameMessage")).getText().isEmpty());
            browser.pick("f:mixed:file", FILES.resolve("picture.png"));
            browser.until(d -> "failed".equals(entries(browser, "f:mixed").get(0).getAttribute("data-state")));

            Results results = new AxeBuilder().analyze(browser.driver);
            assertTrue(results.violationFree(), () -> results.getViolations().stream()
                    .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList())
                    .collect(Collectors.joining("\n")));
        }
    }
}
