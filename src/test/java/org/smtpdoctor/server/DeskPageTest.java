package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smtpdoctor.TestRules;

/**
 * The staff page in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium):
 * paste a reply and read the advice in English and Russian, unfold why, teach an unknown reply and see the same
 * reply with other numbers diagnosed as taught; a save with a wrong token is refused on the page. Screenshots of
 * each step go to target/desk-screenshots/. In CI (environment variable CI set) a missing browser fails the run;
 * elsewhere the test is skipped, saying how to include it.
 */
class DeskPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "desk-screenshots");
    private static final String TOKEN = "page-test-token";
    private static final String AUTH_FAILED = "535 5.7.8 Error: authentication failed: Invalid user or password";

    @TempDir
    static Path folder;
    private static DeskServer server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no " + CHROMIUM + " or " + CHROMEDRIVER;
            if (System.getenv("CI") != null) {
                fail("CI must install Debian's chromium and chromium-driver (.ci/run): " + why);
            }
            Assumptions.abort(why + "; `sudo apt-get install chromium chromium-driver` to include the page test");
        }
        Path rules = TestRules.copyInto(folder).root();
        Path samples = TestRules.copy(Path.of("samples"), folder).root();
        server = DeskServer.start(DeskConfig.of("127.0.0.1", 0, rules, samples, TOKEN, "PAGE_TOKEN"));
        base = "http://127.0.0.1:" + server.port() + "/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As the machine notes say headless Chromium runs here (as root, in a closed network): no sandbox, no GPU,
        // none of the background connections, and a fresh profile.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,1400",
                "--user-data-dir=" + Files.createTempDirectory(folder, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebElement id(String id) {
        return browser.findElement(By.id(id));
    }

    private static void shot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static String answered() {
        String n = browser.findElement(By.tagName("body")).getAttribute("data-answered");
        return n == null ? "0" : n;
    }

    private static void diagnose(String text, String language) {
        Select lang = new Select(id("lang"));
        if (!lang.getFirstSelectedOption().getAttribute("value").equals(language)) {
            String before = answered();
            lang.selectByValue(language); // the page diagnoses the shown text again, in that language
            if (id("result").isDisplayed()) {
                waiting().until(d -> !answered().equals(before));
            }
        }
        id("text").clear();
        id("text").sendKeys(text);
        String before = answered();
        id("diagnose").click();
        waiting().until(d -> !answered().equals(before));
    }

    @Test
    void pasteReadInBothLanguagesThenTeachAnUnknownReply() throws IOException {
        browser.get(base);
        diagnose(AUTH_FAILED, "en");
        assertThat(id("category").getText()).isEqualTo("auth.invalid-credentials");
        assertThat(id("title").getText()).isNotBlank();
        List<WebElement> steps = browser.findElements(By.cssSelector("#remedy li"));
        assertThat(steps).isNotEmpty();
        assertThat(id("actor").getText()).isNotBlank();
        assertThat(id("retry").getText()).isNotBlank();
        assertThat(id("why").getAttribute("open")).as("why is folded by default").isNull();
        shot("01-diagnose-en");

        diagnose(AUTH_FAILED, "ru");
        waiting().until(d -> id("title").getText().matches(".*[а-яА-Я].*"));
        assertThat(id("explanation").getText()).containsPattern("[а-яА-Я]");
        assertThat(browser.findElement(By.cssSelector("label[for=text]")).getText()).containsPattern("[а-яА-Я]");
        browser.findElement(By.cssSelector("#why summary")).click();
        assertThat(browser.findElements(By.cssSelector("#matches tbody tr.decided"))).hasSize(1);
        shot("02-diagnose-ru-why");

        String unknown = "Relay gateway gw-17 says: daily outbound allowance of 500 messages used up for tenant 88213";
        diagnose(unknown, "en");
        assertThat(id("category").getText()).startsWith("unknown.");
        waiting().until(d -> id("teach").isDisplayed() && !id("wording").getAttribute("value").isEmpty());
        assertThat(id("wording").getAttribute("value")).contains("{").doesNotContain("88213");
        id("categorySearch").sendKeys("rate.daily-quota");
        id("token").sendKeys("not-the-token");
        id("save").click();
        waiting().until(d -> !id("teachResult").getText().isEmpty());
        assertThat(id("teachResult").getAttribute("class")).isEqualTo("bad");
        assertThat(id("teachResult").getText()).containsIgnoringCase("token");
        shot("03-teach-refused-without-the-token");

        id("token").clear();
        id("token").sendKeys(TOKEN);
        id("check").click();
        // A check lints the served and the changed folders and diagnoses every sample case with both: on a busy
        // two-core machine that outlasts the page's usual wait as the samples grow.
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> id("checkResult").getText().contains("rules/rate/daily-quota.yaml"));
        assertThat(id("checkResult").getText()).contains("rate.daily-quota");
        shot("04a-check-before-saving");
        id("save").click();
        waiting().until(d -> "ok".equals(id("teachResult").getAttribute("class")));
        assertThat(id("teachResult").getText()).contains("rate.daily-quota");
        shot("04b-taught");

        diagnose("Relay gateway gw-3 says: daily outbound allowance of 2000 messages used up for tenant 10577", "en");
        assertThat(id("category").getText()).isEqualTo("rate.daily-quota");
        shot("05-same-reply-other-numbers");
    }

    @Test
    void aLogUploadShowsTheCountsAndTheUnknownTemplatesWithATeachButton() throws IOException {
        Path log = folder.resolve("mail-errors.log");
        Files.writeString(log, AUTH_FAILED + "\n" + AUTH_FAILED + "\n552 5.3.4 Message size exceeds fixed limit\n"
                + "Frobnicator 12 of cluster 7 went dark\nFrobnicator 31 of cluster 2 went dark\n");
        browser.get(base);
        id("logFile").sendKeys(log.toAbsolutePath().toString());
        id("logRun").click();
        waiting().until(d -> id("logSummary").isDisplayed());
        assertThat(id("logCounts").getText()).startsWith("5 ");
        assertThat(id("categoriesChart").getText()).contains("auth.invalid-credentials", "content.too-large");
        assertThat(id("families").getText()).contains("auth");
        List<WebElement> unknownRows = browser.findElements(By.cssSelector("#unknownTable tbody tr"));
        assertThat(unknownRows).hasSize(1);
        assertThat(unknownRows.get(0).getText()).startsWith("2 ").contains("Frobnicator");
        shot("06-log-summary");
        String before = answered();
        unknownRows.get(0).findElement(By.tagName("button")).click();
        waiting().until(d -> !answered().equals(before));
        assertThat(id("text").getAttribute("value")).contains("Frobnicator");
        waiting().until(d -> id("teach").isDisplayed());
        shot("07-log-unknown-to-teach");
    }
}
