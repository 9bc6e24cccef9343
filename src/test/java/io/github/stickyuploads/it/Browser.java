package io.github.stickyuploads.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium: a fresh profile each time, no network beyond this machine,
 * with or without JavaScript.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;
    private final URL deployment;

    private Browser(URL deployment, boolean javascript, String language) {
        this.deployment = deployment;
        try {
            profile = Files.createTempDirectory("sticky-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,900",
                "--user-data-dir=" + profile);
        options.addArguments("--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
    }

    /** @return a browser logged in as the user, through the application's login form */
    static Browser loggedIn(URL deployment, String user, boolean javascript) {
        return loggedIn(deployment, user, javascript, "en");
    }

    /** @return a browser logged in as the user, asking for pages in the given language */
    static Browser loggedIn(URL deployment, String user, boolean javascript, String language) {
        Browser browser = new Browser(deployment, javascript, language);
        browser.open("app/form.xhtml");
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(user + "-pw");
        browser.driver.findElement(By.id("login-button")).click();
        browser.until(d -> !d.getCurrentUrl().contains("login"));
        return browser;
    }

    void open(String path) {
        driver.get(deployment.toString() + path);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits up to 20 s for a condition. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Picks a file in a file input, as a person does in the file dialog. */
    void pick(String inputId, Path file) {
        byId(inputId).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Makes the browser send request bodies at the given pace (DevTools network emulation), so that an upload
     * is really in flight for a while: a slow server alone does not do it, loopback buffers take megabytes.
     */
    void throttleUploads(int bytesPerSecond) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setUploadThroughput(bytesPerSecond);
        conditions.setDownloadThroughput(100_000_000);
        conditions.setLatency(Duration.ZERO);
        driver.setNetworkConditions(conditions);
    }

    /** Presses a key wherever the focus is, as a keyboard does. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Runs JavaScript in the page. */
    Object script(String code, Object... arguments) {
        return driver.executeScript(code, arguments);
    }

    /** @return the texts of the confirmation lines of the test form */
    String received() {
        return String.join("\n", driver.findElements(By.cssSelector("p.received")).stream().map(WebElement::getText).toList());
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temp folder is harmless.
        }
    }
}
