package org.tuanjie.launcher;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The county's leader at the dashboard in a desktop browser (1920×1080): logs in at Keycloak, sees every chart drawn
 * from the demo county, goes from the league table to a township, and puts the office wall's large screen up. Each view
 * is photographed as build output and checked with axe-core (no serious or critical violation).
 */
final class DashboardStory {

    /** The county view's charts: league, categories and lights, weekly trend, signing, readiness, scorecards. */
    static final List<String> CHARTS = List.of("league", "map", "categories", "trend", "coverage", "readiness", "scorecards");
    private static final List<String> SERIOUS = List.of("serious", "critical");

    private final Suite.BrowserAddress address;
    private final Path screens;
    private final Checks checks;

    DashboardStory(Suite.BrowserAddress address, Path screens, Checks checks) {
        this.address = address;
        this.screens = screens;
        this.checks = checks;
    }

    void run(String user) throws Exception {
        Files.createDirectories(screens);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1920,1080", "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("tuanjie-dashboard"));
        if (address.keyPin() != null) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + address.keyPin());
        }
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Browser.CHROMEDRIVER.toFile())
                .build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
            // pages are left and drawn again (Keycloak's redirects, a hash change): an element found a moment ago may be
            // gone, so every wait finds its element anew on the next try
            wait.ignoring(StaleElementReferenceException.class);
            driver.get(address.gateway() + "/dashboard");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> "county".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            List<String> drawn = CHARTS.stream().filter(id -> !driver.findElements(By.cssSelector("#" + id + " .chart canvas")).isEmpty())
                    .toList();
            checks.check(drawn.equals(CHARTS), "the dashboard draws every chart of the demo county at 1920×1080: " + drawn, null);
            photograph(driver, "dashboard");

            // from the league table (its data table's link, as a keyboard or screen reader user goes) to a township
            // the view may be drawn again meanwhile (the sign-in's redirect ends in a hash change): found anew each try
            String name = wait.ignoring(ElementNotInteractableException.class)
                    .until(d -> {
                        WebElement table = d.findElement(By.cssSelector("#league details"));
                        if (table.getAttribute("open") == null) {
                            d.findElement(By.cssSelector("#league summary")).click();
                        }
                        WebElement first = d.findElement(By.cssSelector("#league tbody a"));
                        String text = first.getText();
                        first.click();
                        return text;
                    });
            wait.until(d -> "township".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            String heading = driver.findElement(By.cssSelector("#units h2")).getText();
            checks.check(!driver.findElements(By.cssSelector("#units .chart canvas")).isEmpty()
                    && heading.equals(name + "：各单位整改进展"), "from the league table's first township to its units: " + heading, null);
            photograph(driver, "dashboard-township");

            driver.get(address.gateway() + "/dashboard/?screen=large");
            wait.until(d -> "county".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            Long below = (Long) driver.executeScript("return document.documentElement.scrollHeight - window.innerHeight;");
            checks.check(below != null && below <= 0, "the office wall's large screen holds every chart without scrolling ("
                    + below + " px below the fold)", null);
            photograph(driver, "dashboard-large");
        } catch (RuntimeException e) {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screens.resolve("dashboard-failed.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            throw e;
        } finally {
            driver.quit();
        }
    }

    private void photograph(ChromeDriver driver, String name) throws Exception {
        Path kept = screens.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> serious = results.getViolations().stream().filter(r -> SERIOUS.contains(r.getImpact()))
                .map(r -> r.getImpact() + " " + r.getId() + " at " + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        checks.check(serious.isEmpty(), "axe-core on the " + name + " view: no serious or critical violation"
                + (serious.isEmpty() ? " (" + kept + ")" : ""), serious);
    }
}
