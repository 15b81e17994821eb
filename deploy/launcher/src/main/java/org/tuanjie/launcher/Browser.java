package org.tuanjie.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An auditor in a real browser (Debian's headless Chromium, no browser download): opens the gateway's
 * Swagger UI, logs in through the Keycloak page with "Authorize", and runs one "Try it out" call.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * @param keyPin the key a public host's HTTPS presents, trusted as a machine with the local authority installed
     *               would; null for plain HTTP
     * @return the HTTP status Swagger UI showed for GET /api/v1/agreements, after logging in as {@code user}
     */
    static String auditorTriesItOut(String gatewayUrl, String keyPin, String user, String password, Path screenshot)
            throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1600", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("tuanjie-chromium"));
        if (keyPin != null) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + keyPin);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
            driver.get(gatewayUrl + "/q/swagger-ui/");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
            String main = driver.getWindowHandle();
            Set<String> before = driver.getWindowHandles();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
            for (WebElement scope : dialog.findElements(By.cssSelector("input[type=checkbox]"))) {
                if (!scope.isSelected()) {
                    scope.click();
                }
            }
            dialog.findElement(By.cssSelector("button.authorize")).click();
            wait.until(d -> d.getWindowHandles().size() > before.size());
            for (String handle : driver.getWindowHandles()) {
                if (!before.contains(handle)) {
                    driver.switchTo().window(handle);
                }
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
            // the login window hands the code back to Swagger UI and closes itself
            wait.until(d -> d.getWindowHandles().size() == before.size());
            driver.switchTo().window(main);
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'auth-container')]//button[normalize-space(.)='Logout']")));
            driver.findElement(By.xpath("//div[contains(@class,'modal-ux')]//button[normalize-space(.)='Close']")).click();

            WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'opblock-get')]//*[contains(@class,'opblock-summary-path') and (normalize-space(.)='/api/v1/agreements' or @data-path='/api/v1/agreements')]")));
            operation.click();
            WebElement block = operation.findElement(By.xpath("./ancestor::div[contains(@class,'opblock-get')][1]"));
            wait.until(ExpectedConditions.elementToBeClickable(block.findElement(By.cssSelector("button.try-out__btn")))).click();
            wait.until(ExpectedConditions.elementToBeClickable(block.findElement(By.cssSelector("button.execute")))).click();
            WebElement status = wait.until(d -> {
                var cells = block.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
                return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0);
            });
            String code = status.getText().trim();
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", status);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(screenshot.getParent());
            Files.copy(shot, screenshot, StandardCopyOption.REPLACE_EXISTING);
            String body = block.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText();
            return code + (body.contains("\"items\"") ? " with items" : " without items");
        } catch (RuntimeException e) {
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(screenshot.getParent());
            Files.copy(shot, screenshot.resolveSibling("e2e-swagger-ui-failure.png"), StandardCopyOption.REPLACE_EXISTING);
            throw e;
        } finally {
            driver.quit();
        }
    }

    private Browser() {
    }
}
