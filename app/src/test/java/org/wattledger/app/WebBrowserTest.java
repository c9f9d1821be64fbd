package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wattledger.web.Figures;
import org.wattledger.web.Role;

/**
 * A person in Debian's chromium (headless, through its chromedriver): signs in with a one-time
 * password, uploads a bad file and sees the row-precise error, uploads the demo files, accepts
 * them, reads the dashboard (equal to the command line's report), drills down to the rows and
 * switches to Chinese. One browser session for all the steps. Writes the dashboard's screenshots
 * to target/screenshots/.
 */
class WebBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path dir;
    static WebFixture web;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                fail(program + " is missing: the browser tests need Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        web = new WebFixture(dir, 50L * 1024 * 1024);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1360,1800", "--lang=en-US", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void open(String path) {
        browser.get(web.base + path);
    }

    @Test
    void signInUploadCheckAcceptReadDrillDownAndSwitchToChinese() throws IOException {
        // Sign in with the one-time password; the application asks for a new one first.
        String once = web.users.create("lin", Role.ADMIN);
        open("/dashboard");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        browser.findElement(By.id("name")).sendKeys("lin");
        browser.findElement(By.id("password")).sendKeys(once);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("new-password"));
        browser.findElement(By.id("current")).sendKeys(once);
        browser.findElement(By.id("new-password")).sendKeys(WebFixture.PASSWORD);
        browser.findElement(By.id("repeat-password")).sendKeys(WebFixture.PASSWORD);
        browser.findElement(By.id("save-password")).click();
        waitFor(By.id("show"));
        assertTrue(browser.getPageSource().contains("The ledger holds no readings yet"));

        // A bad file: row 3's quantity is 'n/a'. The validation names file, row and column; nothing is stored.
        Path bad = Files.writeString(dir.resolve("readings.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,M1,electricity,2024-01-01,2024-01-31,100,kWh\n"
                + "S1,M1,electricity,2024-02-01,2024-02-29,n/a,kWh\n", StandardCharsets.UTF_8);
        open("/upload");
        browser.findElement(By.id("files")).sendKeys(bad.toString());
        browser.findElement(By.id("check")).click();
        waitFor(By.id("tally"));
        assertEquals("2", browser.findElement(By.id("rows-read")).getText());
        assertEquals("1", browser.findElement(By.id("rows-accepted")).getText());
        assertEquals("1", browser.findElement(By.id("rows-rejected")).getText());
        WebElement rejected = browser.findElement(By.xpath(
                "//table[@id='issues-table']//tr[td[2]='readings.csv' and td[4]='3' and td[5]='F']"));
        assertTrue(rejected.getText().contains("'n/a' is not a number (expected a quantity in kWh)"), rejected.getText());
        browser.findElement(By.id("discard")).click();
        waitFor(By.id("drop-zone"));
        assertEquals(0, Figures.parse(Cli.run("history", "--ledger", web.ledger, "--format", "json").stdout()
                .getBytes(StandardCharsets.UTF_8)).size(), "a discarded upload stores nothing");

        // The demo's five CSV files at once; readings.csv has 696 lines: a header and 695 readings.
        Path demo = WebFixture.demoFolder(dir);
        List<String> paths = new ArrayList<>();
        for (String n : WebFixture.demoFiles().keySet()) {
            paths.add(demo.resolve(n).toString());
        }
        browser.findElement(By.id("files")).sendKeys(String.join("\n", paths));
        assertEquals(5, browser.findElements(By.cssSelector("#file-list li")).size());
        browser.findElement(By.id("check")).click();
        waitFor(By.id("tally"));
        assertEquals("695", browser.findElement(By.id("rows-read")).getText());
        assertEquals("695", browser.findElement(By.id("rows-accepted")).getText());
        assertEquals("0", browser.findElement(By.id("rows-rejected")).getText());
        browser.findElement(By.id("note")).sendKeys("demo meters 2022-2024");
        browser.findElement(By.id("accept")).click();
        WebElement batch = waitFor(By.id("batch-1"));
        assertTrue(batch.getAttribute("class").contains("new"));
        assertTrue(batch.getText().contains("demo meters 2022-2024"), batch.getText());

        // The dashboard's figures are the command line's, year by year, to the last decimal.
        open("/dashboard");
        waitFor(By.id("years-table"));
        BigDecimal scope1In2024 = null;
        for (int year = 2022; year <= 2024; year++) {
            JsonNode cli = Figures.parse(Cli.run("report", "--ledger", web.ledger, "--period", Integer.toString(year),
                    "--format", "json").stdout().getBytes(StandardCharsets.UTF_8));
            for (String metric : List.of("scope1", "scope2Location", "scope2Market", "energy")) {
                WebElement cell = browser.findElement(By.cssSelector("#row-" + metric + " td[data-year='" + year + "']"));
                BigDecimal shown = new BigDecimal(cell.getAttribute("data-exact"));
                BigDecimal expected = Figures.value(cli.path("totals").path(metric));
                assertEquals(0, expected.compareTo(shown), metric + " " + year + ": " + shown + " vs " + expected);
                assertEquals(Figures.display(expected), cell.getText());
                scope1In2024 = year == 2024 && metric.equals("scope1") ? expected : scope1In2024;
            }
        }
        assertEquals(3, browser.findElements(By.cssSelector("#years-table thead th.num")).size(), "2022, 2023, 2024");
        // The latest year's tiles: the same figure, rounded for the eye (one decimal from 100 up).
        assertEquals(Figures.display(scope1In2024), browser.findElement(By.cssSelector("#tile-scope1 .value")).getText());
        assertEquals(scope1In2024.toPlainString(), browser.findElement(By.cssSelector("#tile-scope1 .value"))
                .getAttribute("title"));
        screenshot("dashboard-en.png");

        // From the 2024 Scope 1 total to its lines: rows of readings.csv and the factor with its set@version.
        browser.findElement(By.cssSelector("#row-scope1 td[data-year='2024'] a")).click();
        WebElement total = waitFor(By.id("drill-total"));
        assertEquals(0, scope1In2024.compareTo(new BigDecimal(total.getAttribute("data-exact"))),
                scope1In2024 + " vs " + total.getAttribute("data-exact"));
        List<WebElement> rows = browser.findElements(By.cssSelector("td.rows"));
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains("readings.csv") && r.getText().contains("row")),
                rows.get(0).getText());
        WebElement factor = browser.findElement(By.cssSelector("td.factor code"));
        assertFalse(factor.getText().isBlank());
        assertTrue(browser.findElement(By.cssSelector("td.factor")).getText().matches("(?s).*@20[0-9]{2}\\.[0-9]+.*"),
                browser.findElement(By.cssSelector("td.factor")).getText());

        // Chinese, remembered for the user: the next page is still Chinese, and so are the site names.
        open("/dashboard");
        waitFor(By.id("lang-switch")).click();
        waitFor(By.id("years-table"));
        assertTrue(browser.findElement(By.id("nav-dashboard")).getText().equals("仪表盘"));
        assertTrue(browser.findElement(By.id("sites-table")).getText().contains("乌兰察布数据中心"));
        assertEquals("zh", web.users.find("lin").orElseThrow().language());
        screenshot("dashboard-zh.png");
        open("/history");
        assertEquals("导入历史", waitFor(By.tagName("h1")).getText());
    }

    /** The whole page, for docs/screenshots (copied from target/screenshots by hand when the UI changes). */
    private static void screenshot(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.body.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1360, (int) Math.min(height + 40, 4000)));
        Files.write(out.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1360, 1800));
    }
}
