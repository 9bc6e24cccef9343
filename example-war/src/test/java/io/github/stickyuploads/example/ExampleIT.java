package io.github.stickyuploads.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo's whole story in Chromium, on the WAR that `mvn package` built. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExampleIT {

    private static final Path FILES = Path.of("target", "it-files").toAbsolutePath();
    private static byte[] resume;

    @ArquillianResource
    URL deployment;

    private Path profile;
    private ChromeDriver browser;

    @Deployment(testable = false)
    static WebArchive example() {
        return ShrinkWrap.create(ZipImporter.class, "example.war")
                .importFrom(new File(System.getProperty("example.war"))).as(WebArchive.class);
    }

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(FILES);
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
        while (pdf.length() < 60_000) {
            pdf.append("% Ann Example, ten years of welding and writing\n");
        }
        resume = pdf.append("%%EOF\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(FILES.resolve("ann-cv.pdf"), resume);
        Files.write(FILES.resolve("long-letter.txt"), "Dear hiring team,\n".repeat(80_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @BeforeEach
    void browser() throws IOException {
        profile = Files.createTempDirectory("example-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1000,1150",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    private <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private void logIn(String user) {
        browser.get(deployment.toString());
        until(d -> d.getCurrentUrl().contains("login.xhtml"));
        assertTrue(browser.findElement(By.id("demo-users")).getText().contains("visitor"), "the login page names the demo users");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("login-button")).click();
        until(d -> d.getCurrentUrl().contains("apply.xhtml") || d.getCurrentUrl().endsWith("/"));
    }

    @Test
    void anApplicantFailsOnceOnTheEmailKeepsTheResumeAndGetsItThroughIntact() throws Exception {
        logIn("demo");
        browser.findElement(By.id("apply:name")).sendKeys("Ann Example");
        browser.findElement(By.id("apply:email")).sendKeys("ann at example");
        browser.findElement(By.id("apply:resume:file")).sendKeys(FILES.resolve("ann-cv.pdf").toString());
        until(d -> d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded ann-cv.pdf"));

        browser.findElement(By.id("apply:send")).click();
        until(d -> !d.findElement(By.id("apply:emailMessage")).getText().isEmpty());
        assertEquals("Enter an email address such as ann@example.org.", browser.findElement(By.id("apply:emailMessage")).getText());
        assertTrue(browser.findElement(By.id("apply:resume")).getText().contains("Currently: ann-cv.pdf"), "the résumé is kept");
        Files.write(Path.of(System.getProperty("screenshot")), browser.getScreenshotAs(OutputType.BYTES));
        Results accessibility = new AxeBuilder().analyze(browser);
        assertTrue(accessibility.violationFree(), () -> accessibility.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList())
                .collect(java.util.stream.Collectors.joining("\n")));

        browser.findElement(By.id("apply:email")).clear();
        browser.findElement(By.id("apply:email")).sendKeys("ann@example.org");
        browser.findElement(By.id("apply:send")).click();
        until(d -> d.getCurrentUrl().contains("confirmation.xhtml"));

        assertEquals("Received ann-cv.pdf (" + resume.length + " bytes, SHA-256 " + sha256(resume) + ")",
                browser.findElement(By.cssSelector("#received li")).getText());
        browser.get(deployment + "applications.xhtml");
        assertTrue(browser.findElement(By.id("applications")).getText().contains("Ann Example"), "listed");
    }

    @Test
    void aCoverLetterOverItsOwnLimitIsRefusedAtTheFieldAndStaysToBeReplaced() {
        logIn("demo");
        browser.findElement(By.id("apply:name")).sendKeys("Ann Example");
        browser.findElement(By.id("apply:email")).sendKeys("ann@example.org");
        browser.findElement(By.id("apply:resume:file")).sendKeys(FILES.resolve("ann-cv.pdf").toString());
        browser.findElement(By.id("apply:coverLetter:file")).sendKeys(FILES.resolve("long-letter.txt").toString());
        until(d -> d.findElement(By.id("apply:coverLetter:status")).getText().startsWith("Uploaded long-letter.txt")
                && d.findElement(By.id("apply:resume:status")).getText().startsWith("Uploaded"));

        browser.findElement(By.id("apply:send")).click();
        until(d -> !d.findElement(By.id("apply:coverLetterMessage")).getText().isEmpty());
        assertEquals("The file is larger than the limit of 1 MB.", browser.findElement(By.id("apply:coverLetterMessage")).getText(),
                "the demo's field rule (@MaxFileSize), within the endpoint's 5 MB");
        assertTrue(browser.findElement(By.id("apply:coverLetter")).getText().contains("Currently: long-letter.txt"),
                "the refused letter is still shown, to be replaced or removed");
        assertTrue(browser.findElement(By.id("apply:resume")).getText().contains("Currently: ann-cv.pdf"), "and the résumé kept");
    }

    @Test
    void theLoginPageHasNoAccessibilityViolations() {
        browser.get(deployment.toString());
        until(d -> d.getCurrentUrl().contains("login.xhtml"));
        Results accessibility = new AxeBuilder().analyze(browser);
        assertTrue(accessibility.violationFree(), () -> accessibility.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp()).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void aVisitorIsToldThatUploadingIsNotAllowed() {
        logIn("visitor");

        assertEquals("You are not allowed to upload files.", browser.findElement(By.cssSelector("#apply\\:resume .sticky-upload-refused")).getText());
        assertFalse(browser.findElements(By.id("apply:resume:file")).size() > 0, "no file input that can only fail");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
