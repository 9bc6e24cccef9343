package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.faces.ApplicationForm;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * What a person does, in Chromium: pick a file, watch it upload, fail the form on another field, see the
 * file kept, fix the field, submit, and get the same bytes on the server; with and without JavaScript,
 * inside an f:ajax re-render, and with two sticky inputs on one form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FacesBrowserIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("browser");
    private static final Path FILES = Path.of("target", "it-files").toAbsolutePath();
    private static byte[] resume;
    private static byte[] letter;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("browser", Map.of("stickyuploads.temp.path", STORAGE.root().toString()),
                List.of("form.xhtml", "ajax.xhtml"), ApplicationForm.class);
    }

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(FILES);
        resume = Samples.pdf(150_000);
        letter = Samples.text(4_000);
        Files.write(FILES.resolve("cv.pdf"), resume);
        Files.write(FILES.resolve("letter.txt"), letter);
        Files.write(FILES.resolve("other.pdf"), Samples.pdf(77_777));
    }

    private static String confirmation(String name, byte[] bytes) {
        return "Received " + name + " (" + bytes.length + " bytes, SHA-256 " + Samples.sha256(bytes) + ")";
    }

    @Test
    void aPickedFileUploadsSticksAcrossAFailedSubmitAndArrivesIntact() {
        int before = STORAGE.count();
        try (Browser browser = Browser.loggedIn(deployment, "alice", true)) {
            browser.pick("apply:resume:file", FILES.resolve("cv.pdf"));
            browser.until(d -> d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded cv.pdf"));
            assertEquals("Uploaded cv.pdf (146 KB)", browser.byId("apply:resume:status").getText());
            assertFalse(browser.driver.findElement(By.name("apply:resume:token")).getAttribute("value").isEmpty(), "a token");

            browser.byId("apply:send").click();
            browser.until(d -> !d.findElement(By.id("apply:nameMessage")).getText().isEmpty());
            assertEquals("Currently: cv.pdf (146 KB)", browser.driver.findElement(By.cssSelector("#apply\\:resume .sticky-upload-filename")).getText());
            assertNull(browser.byId("apply:resume:file").getAttribute("required"), "the browser does not block the next submit");

            browser.byId("apply:name").sendKeys("Ann");
            browser.byId("apply:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("cv.pdf", resume), browser.received());
        }
        assertEquals(before + 1, STORAGE.count(), "uploaded once: the submits did not send the bytes again");
    }

    @Test
    void withoutJavaScriptTheFileSticksToo() {
        try (Browser browser = Browser.loggedIn(deployment, "alice", false)) {
            browser.pick("apply:resume:file", FILES.resolve("cv.pdf"));
            browser.byId("apply:send").click();
            browser.until(d -> !d.findElement(By.id("apply:nameMessage")).getText().isEmpty());
            assertEquals("Currently: cv.pdf (146 KB)", browser.driver.findElement(By.cssSelector("#apply\\:resume .sticky-upload-filename")).getText());

            browser.byId("apply:name").sendKeys("Ann");
            browser.byId("apply:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("cv.pdf", resume), browser.received());
        }
    }

    @Test
    void itWorksInsideAnAjaxReRenderAndAfterIt() {
        try (Browser browser = Browser.loggedIn(deployment, "alice", true)) {
            browser.open("app/ajax.xhtml");
            browser.pick("apply:resume:file", FILES.resolve("cv.pdf"));
            browser.until(d -> d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded"));

            browser.byId("apply:send").click();
            browser.until(d -> d.findElement(By.id("apply:nameMessage")).getText().contains("Name"));
            assertEquals("Currently: cv.pdf (146 KB)", browser.driver.findElement(By.cssSelector("#apply\\:resume .sticky-upload-filename")).getText());

            // The widget is new DOM now: picking another file must still upload it, and replace the first.
            browser.pick("apply:resume:file", FILES.resolve("other.pdf"));
            browser.until(d -> d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded other.pdf"));
            assertTrue(browser.driver.findElements(By.cssSelector("#apply\\:resume .sticky-upload-current")).isEmpty(),
                    "the old file's line is gone");

            browser.byId("apply:name").sendKeys("Ann");
            browser.byId("apply:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("other.pdf", Samples.pdf(77_777)), browser.received());
        }
    }

    @Test
    void twoStickyInputsOnOneFormKeepTheirOwnFiles() {
        try (Browser browser = Browser.loggedIn(deployment, "alice", true)) {
            browser.pick("apply:resume:file", FILES.resolve("cv.pdf"));
            browser.pick("apply:cover:file", FILES.resolve("letter.txt"));
            browser.until(d -> d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded")
                    && d.findElement(By.id("apply:cover:status")).getText().startsWith("Uploaded"));

            browser.byId("apply:send").click();
            browser.until(d -> !d.findElement(By.id("apply:nameMessage")).getText().isEmpty());
            assertEquals("Currently: letter.txt (3.9 KB)", browser.driver.findElement(By.cssSelector("#apply\\:cover .sticky-upload-filename")).getText());

            browser.byId("apply:name").sendKeys("Ann");
            browser.byId("apply:send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation("cv.pdf", resume) + "\n" + confirmation("letter.txt", letter), browser.received());
        }
    }
}
