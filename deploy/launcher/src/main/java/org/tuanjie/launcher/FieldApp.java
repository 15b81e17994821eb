package org.tuanjie.launcher;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The field app on a phone (Debian's headless Chromium, a 390×844 phone screen), driven as its people use
 * it: each logs in through the Keycloak page, and every screen they reach is photographed and checked with
 * axe-core. Nothing here talks to the API on the app's behalf; the story checks through the API what
 * arrived.
 */
final class FieldApp implements AutoCloseable {

    private static final List<String> SERIOUS = List.of("serious", "critical");

    private final String gateway;
    private final String keyPin;
    private final Path screens;
    private final Checks checks;
    private ChromeDriver driver;
    private WebDriverWait wait;

    /** @param keyPin the gateway's and Keycloak's key, trusted as a phone with the local authority installed would; null for plain HTTP */
    FieldApp(String gateway, String keyPin, Path screens, Checks checks) throws Exception {
        this.gateway = gateway;
        this.keyPin = keyPin;
        this.screens = Files.createDirectories(screens);
        this.checks = checks;
    }

    /** A new phone (a fresh browser profile) with {@code user} logged in through Keycloak. */
    void loginAs(String user, String password) throws Exception {
        loginAs(user, password, null);
    }

    /** The same, the login screen photographed and checked first as {@code loginScreen}. */
    void loginAs(String user, String password, String loginScreen) throws Exception {
        close();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("tuanjie-phone"));
        if (keyPin != null) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + keyPin);
        }
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Browser.CHROMEDRIVER.toFile()).build(), options);
        // a screen drawn again while it is read or clicked is looked up again
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
        driver.get(gateway + "/app/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login")));
        if (loginScreen != null) {
            screen(loginScreen);
        }
        click(By.id("login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    void open(String route) {
        driver.get(gateway + "/app/" + route);
    }

    WebElement await(By what) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void click(By what) {
        wait.until(d -> {
            d.findElement(what).click();
            return true;
        });
    }

    /** Sets a field's value as the person's picker would (a date input's typed form depends on the locale). */
    void set(By what, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", await(what), value);
    }

    String text(By what) {
        return wait.until(d -> d.findElement(what).getText().trim());
    }

    /** The phone loses its network (Chromium's own emulation: every request fails, navigator.onLine is false). */
    void offline(boolean offline) {
        if (offline) {
            ChromiumNetworkConditions none = new ChromiumNetworkConditions();
            none.setOffline(true);
            none.setLatency(Duration.ZERO);
            none.setDownloadThroughput(0);
            none.setUploadThroughput(0);
            driver.setNetworkConditions(none);
        } else {
            driver.deleteNetworkConditions();
        }
    }

    /** Photographs the screen as build output, and checks it with axe-core: no serious or critical violation. */
    void screen(String name) throws Exception {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Path kept = screens.resolve(name + ".png");
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> serious = results.getViolations().stream().filter(r -> SERIOUS.contains(r.getImpact()))
                .map(FieldApp::describe).toList();
        checks.check(serious.isEmpty(), "axe-core on the " + name + " screen: no serious or critical violation"
                + (serious.isEmpty() ? " (" + kept + ")" : ""), serious);
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " at " + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    /** Keeps what the phone showed when a step failed, beside the screens. */
    void failed(String step) {
        if (driver != null) {
            try {
                Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screens.resolve("failed-" + step + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (Exception e) {
                // the failure itself is what gets reported
            }
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
