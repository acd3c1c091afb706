package ledger.command.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * With {@code -Dledger.screenshots=docs/screenshots} (relative to the repository), a page as a signed-in person
 * sees it in headless Chromium (Debian's, with its chromedriver). Unset, nothing is written.
 */
final class PageScreenshots {

    private PageScreenshots() {
    }

    static void take(String base, Role role, String path, String file, int width, int height) throws Exception {
        String folder = System.getProperty("ledger.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path target = Path.of(folder).isAbsolute() ? Path.of(folder)
                : Path.of("").toAbsolutePath().getParent().resolve(folder);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(base + "/login");
            driver.findElement(By.name("username")).sendKeys(TestAccounts.username(role));
            driver.findElement(By.name("password")).sendKeys(TestAccounts.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
            // the headless browser asks for English: the screenshots show the pages in Chinese, as people see them
            driver.get(base + path + (path.contains("?") ? "&" : "?") + "lang=zh_CN");
            Files.createDirectories(target);
            Files.write(target.resolve(file), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
