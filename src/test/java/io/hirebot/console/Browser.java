package io.hirebot.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them). Without them the browser tests are skipped with a loud message, unless
 * {@code HIREBOT_BROWSER_TESTS=required} (set by {@code .ci/run} once they are installed): then they fail.
 */
final class Browser implements AutoCloseable {

  /** Generous: the first page load on a busy 2-core machine starts a whole browser. */
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> CHROMES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");
  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final WebDriver driver;

  private Browser(WebDriver driver) {
    this.driver = driver;
  }

  /** A fresh headless browser, or the test is skipped (loudly) when this machine has none. */
  static Browser start() {
    Optional<String> chrome = find("CHROME_BIN", CHROMES);
    Optional<String> driverBin = find("CHROMEDRIVER", DRIVERS);
    if (chrome.isEmpty() || driverBin.isEmpty()) {
      String why = "BROWSER TESTS SKIPPED: no chromium/chromedriver found (looked for " + CHROMES + " and " + DRIVERS
          + "; install Debian's chromium and chromium-driver, as .ci/run does)";
      System.err.println("\n*** " + why + " ***\n");
      if ("required".equals(System.getenv("HIREBOT_BROWSER_TESTS"))) {
        throw new AssertionError(why);
      }
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions().setBinary(chrome.get())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1440,1000", "--lang=en-US", "--disable-extensions", "--no-first-run");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driverBin.get()).toFile())
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  private static Optional<String> find(String env, List<String> candidates) {
    String given = System.getenv(env);
    if (given != null && Files.isExecutable(Path.of(given))) {
      return Optional.of(given);
    }
    return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
  }

  /** Polls until {@code condition} gives a non-null, non-false value; fails with {@code what} after {@link #WAIT}. */
  <T> T until(String what, Supplier<T> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.get();
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (WebDriverException | IndexOutOfBoundsException e) {
        last = e; // the DOM was re-rendered under us: look again
      }
      sleep(50);
    }
    throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what
        + (last == null ? "" : " (last error: " + last.getMessage().lines().findFirst().orElse("") + ")"));
  }

  WebElement find(By by) {
    return until(by.toString(), () -> driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
        .orElse(null));
  }

  /** Picks the option with this value in a {@code <select>}, as a user would. */
  void choose(WebElement select, String value) {
    select.click();
    select.findElement(By.cssSelector("option[value='" + value + "']")).click();
  }

  /** Picks the option at this index in a {@code <select>}. */
  void choose(WebElement select, int index) {
    select.click();
    select.findElements(By.tagName("option")).get(index).click();
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      System.out.println("screenshot written: " + file.toAbsolutePath());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
