package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.stickyuploads.it.plain.PlainFormServlet;
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
 * A page rendered without Faces, with the script's DOM contract and {@code StickyFiles.read} on the server, goes
 * through the demo's story in Chromium: pick, fail, the file sticks, submit, received intact; with JavaScript and
 * without.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlainPageIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("plain");
    private static final Path FILES = Path.of("target", "it-files-plain").toAbsolutePath();
    private static final byte[] RESUME = Samples.pdf(120_000);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("plain", Map.of("stickyuploads.temp.path", STORAGE.root().toString()),
                List.of("form.xhtml"), PlainFormServlet.class, io.github.stickyuploads.it.faces.ApplicationForm.class);
    }

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(FILES);
        Files.write(FILES.resolve("cv.pdf"), RESUME);
    }

    private static String confirmation() {
        return "Received cv.pdf (" + RESUME.length + " bytes, SHA-256 " + Samples.sha256(RESUME) + ")";
    }

    @Test
    void withJavaScriptThePickedFileUploadsSticksAndArrivesIntact() {
        int before = STORAGE.count();
        try (Browser browser = Browser.loggedIn(deployment, "alice", true)) {
            browser.open("app/plain");
            browser.pick("resume:file", FILES.resolve("cv.pdf"));
            browser.until(d -> d.findElement(By.id("resume:status")).getText().startsWith("Uploaded cv.pdf"));
            assertEquals(before + 1, STORAGE.count(), "uploaded in the background");

            browser.byId("send").click();
            browser.until(d -> d.findElement(By.id("nameMessage")).getText().equals("Enter your name."));
            assertEquals("Currently: cv.pdf (120000 bytes)", browser.driver.findElement(By.cssSelector("#resume .sticky-upload-filename")).getText());
            assertNull(browser.byId("resume:file").getAttribute("required"), "the browser does not block the next submit");

            browser.byId("name").sendKeys("Ann");
            browser.byId("send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation(), browser.received());
        }
        assertEquals(before, STORAGE.count(), "claimed and released: uploaded once, never sent again with the form");
    }

    @Test
    void withoutJavaScriptThePostedFileSticksAndArrivesIntact() {
        try (Browser browser = Browser.loggedIn(deployment, "alice", false)) {
            browser.open("app/plain");
            browser.pick("resume:file", FILES.resolve("cv.pdf"));
            browser.byId("send").click();
            browser.until(d -> d.findElement(By.id("nameMessage")).getText().equals("Enter your name."));
            assertEquals("Currently: cv.pdf (120000 bytes)", browser.driver.findElement(By.cssSelector("#resume .sticky-upload-filename")).getText());
            assertFalse(browser.driver.findElement(By.cssSelector("#resume input[data-sticky-token]")).getAttribute("value").isEmpty(),
                    "the posted file got a token");

            browser.byId("name").sendKeys("Ann");
            browser.byId("send").click();
            browser.until(d -> !d.findElements(By.cssSelector("p.received")).isEmpty());
            assertEquals(confirmation(), browser.received());
        }
    }
}
