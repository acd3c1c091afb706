package ledger.command.web.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import ledger.kernel.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

/**
 * One person in their own browser (headless Chromium, 1366×768, Chinese first, downloads to a folder of
 * its own). Helpers wait for what the page shows; {@link #untilShown} reloads a page until the views
 * have caught up with a write made elsewhere, the way a person presses F5.
 */
final class Person implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final Role role;
    final String name;
    private final String base;
    private final WebDriver driver;
    private final Path downloads;

    private Person(String base, Role role, String name, WebDriver driver, Path downloads) {
        this.base = base;
        this.role = role;
        this.name = name;
        this.driver = driver;
        this.downloads = downloads;
    }

    static Person open(String base, Role role, String name) {
        try {
            Path downloads = Files.createTempDirectory("journey-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BrowserJourney.CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1366,768", "--hide-scrollbars", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(BrowserJourney.CHROMEDRIVER.toFile()).usingAnyFreePort()
                    // date and month pickers follow the process's locale, not --lang
                    .withEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh")).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // headless Chromium saves downloads only where it is told to
            driver.executeCdpCommand("Page.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            return new Person(base, role, name, driver, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void signIn(String username, String password) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("header .who"));
    }

    Person go(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits, without reloading, until the element shows the text (a live page updating itself). */
    void waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Reloads the page until it shows what the condition looks for. */
    <T> T untilShown(String path, Function<WebDriver, T> condition) {
        go(path);
        return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(300))
                .withMessage(() -> path + " never showed what was awaited; it shows: " + pageText()).until(d -> {
            T seen = condition.apply(d);
            if (seen == null || Boolean.FALSE.equals(seen)) {
                d.navigate().refresh();
                return null;
            }
            return seen;
        });
    }

    /** Reloads the page until its text contains the given text. */
    void untilPageShows(String path, String text) {
        untilShown(path, d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Date and month fields take their value the way the picker sets it (typing depends on the locale). */
    void pick(By by, String isoValue) {
        WebElement field = waitFor(by);
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, isoValue);
    }

    void choose(By by, String visibleText) {
        new Select(waitFor(by)).selectByVisibleText(visibleText);
    }

    /** Clicks and waits for the next page to load (a form post answers with a redirect). */
    void submit(By button) {
        WebElement old = driver.findElement(By.tagName("html"));
        waitFor(button).click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.stalenessOf(old));
    }

    void click(By by) {
        waitFor(by).click();
    }

    /** Marks this page; {@link #sameDocument()} says whether it has not been reloaded since. */
    void markDocument() {
        ((ChromeDriver) driver).executeScript("window.journeyMark = 'not reloaded';");
    }

    boolean sameDocument() {
        return "not reloaded".equals(((ChromeDriver) driver).executeScript("return window.journeyMark;"));
    }

    /** Waits for a finished download (Chromium names one in progress *.crdownload). */
    Path downloaded() {
        return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "nothing was downloaded to " + downloads + ", page " + path()).until(d -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                        return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst()
                                .orElse(null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Runs a script in the page (as the person's browser, with their session) and returns its answer. */
    Object script(String script, Object... arguments) {
        return ((ChromeDriver) driver).executeAsyncScript(script, arguments);
    }

    /**
     * Saves a PNG of the whole page (1366 wide, up to 1800 high), when the run asked for screenshots (see
     * {@link Screenshots}); the window gets its laptop size back afterwards.
     */
    void screenshot(String name) {
        Screenshots.folder().ifPresent(folder -> {
            Dimension laptop = driver.manage().window().getSize();
            Number height = (Number) ((ChromeDriver) driver).executeScript(
                    "return document.documentElement.scrollHeight;");
            int chrome = laptop.getHeight() - ((Number) ((ChromeDriver) driver).executeScript(
                    "return window.innerHeight;")).intValue();
            try {
                driver.manage().window().setSize(new Dimension(laptop.getWidth(),
                        Math.min(1800, Math.max(laptop.getHeight(), height.intValue() + chrome))));
                Files.createDirectories(folder);
                Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                driver.manage().window().setSize(laptop);
            }
        });
    }

    /** Chooses a file in a file field, as the file dialog would. */
    void attach(By fileField, Path file) {
        driver.findElement(fileField).sendKeys(file.toAbsolutePath().toString());
    }

    /** The page as Chromium prints it: its print style sheet and the page size that sheet asks for. */
    byte[] printed() {
        Map<String, Object> pdf = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true));
        return Base64.getDecoder().decode((String) pdf.get("data"));
    }

    /**
     * Like {@link #screenshot}, but of the page as printed: the print style sheet applied, in the width of an
     * A4 sheet's printable area (at 96 dpi), so the README shows what lands on paper.
     */
    void screenshotPrinted(String name, int widthPx) {
        Screenshots.folder().ifPresent(folder -> {
            ChromeDriver chrome = (ChromeDriver) driver;
            Dimension laptop = driver.manage().window().getSize();
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                int frame = laptop.getWidth() - ((Number) chrome.executeScript("return window.innerWidth;")).intValue();
                driver.manage().window().setSize(new Dimension(widthPx + frame, laptop.getHeight()));
                screenshot(name);
            } finally {
                chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
                driver.manage().window().setSize(laptop);
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(downloads);
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }
}
