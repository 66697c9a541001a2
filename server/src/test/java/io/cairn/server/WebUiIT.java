package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitor's web UI in a real headless Chromium: a query typed into the expression browser is
 * graphed (Chart.js draws the series' pixels, the legend names it) and tabled; a target scraped
 * every second shows UP on /targets, then DOWN with its error once the test stops it; every other
 * page renders; the browser console stays free of errors throughout. Fails when chromium or
 * chromedriver is missing.
 */
class WebUiIT {
  /** A label value that would run script if a page put data into innerHTML. */
  private static final String HTML = "<img src=x onerror=window.pwned=1>";
  @TempDir Path tmp;
  private Peers procs;
  private HeadlessChrome chrome;
  private HttpServer target;
  private final List<String> consoleErrors = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    procs = new Peers(tmp);
    target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Peers.freePort()), 0);
    target.createContext("/metrics", ex -> {
      byte[] body = ("# TYPE ui_test_gauge gauge\nui_test_gauge 42\nui_test_html{note=\"" + HTML + "\"} 1\n")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      ex.sendResponseHeaders(200, body.length);
      try (ex) {
        ex.getResponseBody().write(body);
      }
    });
    target.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (chrome != null) {
      chrome.close();
    }
    target.stop(0);
    procs.close();
  }

  private String startMonitor() throws Exception {
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, """
        global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
        rule_files: [rules.yml]
        scrape_configs:
          - job_name: webui
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        """.formatted(target.getAddress().getPort()));
    Files.writeString(tmp.resolve("rules.yml"), """
        groups:
          - name: ui
            rules:
              - record: job:ui_test_gauge:sum
                expr: sum by (job) (ui_test_gauge)
              - alert: UiTestAlert
                expr: ui_test_gauge > 0
                annotations:
                  summary: "gauge is {{ $value }}"
        """);
    int port = Peers.freePort();
    CairnProcess c = procs.cairn("monitor", "--data-dir", tmp.resolve("data").toString(), "--admin-address",
        "127.0.0.1:0", "--web.listen-address", "127.0.0.1:" + port, "--config.file", cfg.toString());
    c.awaitAdminUrl(Duration.ofSeconds(60));
    String base = "http://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(30)).until(() -> procs.status(base + "/-/ready") == 200);
    return base;
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private WebDriver driver() {
    return chrome.driver;
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(driver(), Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void waitForText(By by, String text) {
    new WebDriverWait(driver(), Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Keeps the console's errors. */
  private void collectConsole() {
    consoleErrors.addAll(chrome.severeConsoleEntries());
  }

  /** Pixels of the canvas close to the first series' colour (flot's yellow, rgb(237, 194, 64)). */
  private long seriesPixels() {
    Object n = ((JavascriptExecutor) driver()).executeScript("""
        const c = document.querySelector('.graph-chart canvas');
        if (!c || !c.width || !c.height) return 0;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 128 && Math.abs(d[i] - 237) < 40 && Math.abs(d[i + 1] - 194) < 40 && d[i + 2] < 140) n++;
        }
        return n;""");
    return ((Number) n).longValue();
  }

  @Test
  void graphTableTargetsAndEveryPage() throws Exception {
    String base = startMonitor();
    String instance = "127.0.0.1:" + target.getAddress().getPort();
    await().atMost(Duration.ofSeconds(30)).until(() -> { // two samples: a line to draw
      long now = System.currentTimeMillis() / 1000;
      return get(base + "/api/v1/query_range?query=ui_test_gauge&start=" + (now - 60) + "&end=" + now + "&step=1")
          .contains("],[");
    });
    chrome = new HeadlessChrome(tmp);

    // The expression browser: type a query, Graph tab, Execute.
    driver().get(base + "/");
    assertThat(driver().getCurrentUrl()).startsWith(base + "/graph");
    WebElement input = waitFor(By.cssSelector("textarea.expression-input"));
    input.sendKeys("ui_test_gauge");
    driver().findElement(By.cssSelector("button.tab[data-tab=graph]")).click();
    WebElement range = driver().findElement(By.cssSelector("input.range-input"));
    range.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1m", Keys.ENTER);
    driver().findElement(By.cssSelector("button.execute-btn")).click();
    String series = "ui_test_gauge{instance=\"" + instance + "\", job=\"webui\"}";
    waitForText(By.cssSelector(".graph-legend"), series);
    assertThat(driver().findElements(By.cssSelector(".graph-legend .legend-label"))).extracting(WebElement::getText)
        .containsExactly(series);
    assertThat(driver().findElement(By.cssSelector(".graph-chart canvas")).isDisplayed()).isTrue();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seriesPixels()).isGreaterThan(20));
    assertThat(driver().getCurrentUrl()).contains("g0.expr=ui_test_gauge", "g0.tab=0", "g0.range_input=1m");

    // The Table tab: the instant value; the query is in the history.
    driver().findElement(By.cssSelector("button.tab[data-tab=table]")).click();
    waitForText(By.cssSelector(".table-result"), series);
    assertThat(driver().findElement(By.cssSelector(".data-table td.value")).getText()).isEqualTo("42");
    driver().findElement(By.cssSelector("button.history-btn")).click();
    assertThat(waitFor(By.cssSelector(".history-item")).getText()).isEqualTo("ui_test_gauge");

    // A bad query shows Prometheus's parse error in the error box (the browser logs its 400, nothing else).
    collectConsole();
    input.clear();
    input.sendKeys("sum(ui_test_gauge");
    driver().findElement(By.cssSelector("button.execute-btn")).click();
    waitForText(By.cssSelector(".error-slot .alert-danger"), "parse error");
    assertThat(chrome.severeConsoleEntries()).allMatch(m -> m.contains("/api/v1/query - ") && m.contains("400"));

    // An alert-generator style link opens the query in the table tab.
    driver().get(base + "/graph?g0.expr=" + URLEncoder.encode("up{job=\"webui\"}", StandardCharsets.UTF_8) + "&g0.tab=1");
    waitForText(By.cssSelector(".table-result"), "up{instance=\"" + instance + "\", job=\"webui\"}");
    assertThat(driver().findElement(By.cssSelector(".data-table td.value")).getText()).isEqualTo("1");
    collectConsole();

    // Data is text: a label value with markup is shown as written and never parsed.
    driver().get(base + "/graph?g0.expr=ui_test_html&g0.tab=1");
    waitForText(By.cssSelector(".table-result"), "note=\"" + HTML + "\"");
    assertThat(((JavascriptExecutor) driver()).executeScript(
        "return window.pwned === undefined && document.querySelector('main img') === null")).isEqualTo(true);
    collectConsole();

    // Targets: UP, then DOWN with the scrape error once the target is gone.
    driver().get(base + "/targets");
    By state = By.cssSelector("section.pool[data-pool=webui] .state");
    assertThat(waitFor(state).getText()).isEqualTo("UP");
    assertThat(driver().findElement(By.cssSelector("section.pool[data-pool=webui]")).getText()).contains(
        "http://" + instance + "/metrics", "job=\"webui\"", "ago");
    target.stop(0);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      driver().navigate().refresh();
      assertThat(waitFor(state).getText()).isEqualTo("DOWN");
    });
    assertThat(driver().findElement(By.cssSelector("section.pool[data-pool=webui] .scrape-error")).getText())
        .contains(instance);
    collectConsole();

    // Every other page renders its content.
    page(base, "/alerts", "Alerts", "main#app .page-body > *");
    waitForText(By.cssSelector("main#app"), "UiTestAlert");
    page(base, "/rules", "Rules", "main#app .page-body > *");
    waitForText(By.cssSelector("main#app"), "job:ui_test_gauge:sum");
    page(base, "/config", "Configuration", "pre.config-yaml");
    assertThat(driver().findElement(By.cssSelector("pre.config-yaml")).getText()).contains("job_name: webui");
    page(base, "/tsdb-status", "TSDB Status", "table.head-stats");
    waitForText(By.cssSelector("main#app"), "ui_test_gauge");
    page(base, "/flags", "Command-Line Flags", "table.flags-table");
    assertThat(driver().findElement(By.cssSelector("table.flags-table")).getText()).contains("--web.listen-address");
    page(base, "/status", "Runtime & Build Information", "table.build-table");
    assertThat(driver().findElement(By.cssSelector("table.build-table")).getText()).contains("2.42.0");
    page(base, "/service-discovery", "Service Discovery", "section.pool");
    assertThat(consoleErrors).as("browser console errors").isEmpty();
  }

  private void page(String base, String path, String title, String content) {
    driver().get(base + path);
    assertThat(waitFor(By.cssSelector("main#app h2")).getText()).as(path).isEqualTo(title);
    waitFor(By.cssSelector(content));
    assertThat(driver().findElements(By.cssSelector("main#app .alert-danger"))).as(path + " error box").isEmpty();
    collectConsole();
  }
}
