package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.testing.LoggedLines;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.TreeMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up warm-up runs a first answer's code, Feishu calls included, without asking Feishu anything: the
 * emulator the bot is pointed at sees no request, yet a click was answered with a candidates card and commands were
 * answered (to the canned Feishu in the process); the bot's own database gets no row.
 */
class WarmUpTest {
  @RegisterExtension
  final BotParts parts = BotParts.start(Map.of("HIREBOT_PORT", "0"));

  @Test
  @DisplayName("the warm-up answers a click and commands through the SDK, and the bot's Feishu sees no request")
  void noRequestLeavesTheProcess() {
    // GIVEN a bot configured against an emulator (parts)

    // WHEN the warm-up runs
    WarmUp.Summary summary = await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config)),
        Duration.ofSeconds(60));

    // THEN it parsed, rendered, answered the click with a card and the commands with messages
    assertEquals(WarmUp.ROUNDS * WarmUp.SAMPLE_COMMANDS.size(), summary.commandsParsed());
    assertTrue(summary.cardsRendered() > 0, summary.toString());
    assertEquals(1, summary.clicksAnswered(), summary.toString());
    assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), summary.toString());
    // AND a signed, encrypted click and mentions passed the bot's own verifier (the sandbox's Encrypt Key)
    assertEquals(1 + WarmUp.MENTIONS.size(), summary.eventsHandled(), summary.toString());
    // AND the Feishu the bot is configured with was asked nothing: no token, no Hire call, no message
    assertEquals(List.of(), parts.sandbox.requests().all(), "requests that reached the emulator");
  }

  @Test
  @DisplayName("the warm-up's throwaway actions leave no line in the audit log operators keep (logger hirebot.audit)")
  void noAuditLine() {
    ch.qos.logback.classic.Logger audit = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
        .getLogger("hirebot.audit");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    audit.addAppender(logged);
    try {
      WarmUp.Summary summary = await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config)),
          Duration.ofSeconds(60));
      assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), "the warm-up's commands ran: " + summary);
      assertEquals(List.of(), logged.list.stream().map(e -> e.getFormattedMessage()).toList());
    } finally {
      audit.detachAppender(logged);
    }
  }

  @Test
  @DisplayName("started from an event loop (as the launcher does), the throwaway bot's handlers run on no event loop")
  void handlersRunOffTheEventLoops() {
    // GIVEN every line the bot's code logs while the warm-up runs (the sandbox's own lines aside: it is asked nothing)
    List<String> bots;
    try (LoggedLines logged = LoggedLines.of("io.hirebot")) {
      // WHEN the warm-up runs on a worker started from an event loop's context, as the launcher starts it
      WarmUp.Summary summary = await(parts.botSide.<WarmUp.Summary>executeBlocking(() -> WarmUp.run(parts.botSide,
          parts.config)), Duration.ofSeconds(60));
      assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), "the warm-up's commands ran: " + summary);
      bots = logged.lines().stream().filter(line -> !line.contains(" io.hirebot.sandbox.")).toList();
    }

    // THEN its commands' handlers logged (the Hire meter's line per command), and no line of its came from an event
    // loop: the serving bot's loops are free for the requests, the identity call and the start while it runs
    assertTrue(bots.stream().anyMatch(line -> line.contains("HireMeter hire calls command=candidates")),
        "the throwaway bot's commands logged: " + bots);
    assertEquals(List.of(), bots.stream().filter(line -> line.startsWith("vert.x-eventloop-thread-")).toList(),
        "lines the warm-up logged on an event loop");
  }

  @Test
  @DisplayName("the throwaway bot's identity is not logged at INFO: the first 'bot identity' line operators read is "
      + "the real bot's")
  void throwawayIdentityQuiet() {
    List<ch.qos.logback.classic.spi.ILoggingEvent> logged;
    try (LoggedLines identity = LoggedLines.of(BotIdentity.class.getName(), ch.qos.logback.classic.Level.DEBUG)) {
      await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config)), Duration.ofSeconds(60));
      logged = identity.events();
    }
    // The identity was learnt (the mentions need it), at DEBUG only
    assertTrue(logged.stream().anyMatch(e -> e.getFormattedMessage().startsWith("bot identity open_id=")),
        "the throwaway bot learnt its identity: " + logged);
    assertEquals(List.of(), logged.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
        .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList(), "lines at INFO or above");
  }

  @Test
  @DisplayName("the warm-up's pools (scratch database, canned Feishu) leave no Vert.x pool series in the bot's metrics")
  void noPoolSeriesLeft() {
    // GIVEN a Vert.x whose metrics land in the bot's registry, as the launcher builds it
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = Launcher.registry();
    io.vertx.core.Vertx vertx = Launcher.vertx(registry);
    try {
      // WHEN the warm-up runs on it and closes what it opened
      WarmUp.Summary summary = await(vertx.executeBlocking(() -> WarmUp.run(vertx, parts.config)),
          Duration.ofSeconds(60));
      assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), "the warm-up's commands ran: " + summary);

      // THEN /metrics shows none of its pools: their series would stay, frozen, for the life of the process
      List<String> pools = registry.getMeters().stream().map(m -> m.getId())
          .filter(id -> id.getName().startsWith("vertx.pool.") && id.getTag("pool_name") != null)
          .map(id -> id.getTag("pool_name")).distinct().sorted().toList();
      assertEquals(List.of(), pools.stream().filter(name -> name.contains("warm-up")).toList(),
          "the warm-up's pools in the registry (all pools: " + pools + ")");
    } finally {
      await(vertx.close(), Duration.ofSeconds(30));
    }
  }

  @Test
  @DisplayName("a started bot warmed up again: no row in the bot's database, no message in any chat, no IM call")
  void writesNoRowAndSendsNothing() throws SQLException {
    // GIVEN a bot started on a database of its own (its start ran the warm-up once already)
    String url = "jdbc:h2:mem:warm-up-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (BotParts own = BotParts.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", url))) {
      RunningBot bot = await(Launcher.startBot(own.botSide, own.config, Launcher.registry(), Clock.systemUTC()),
          BotHarness.START_TIMEOUT);
      Map<String, Long> afterStart = rows(url);
      // The scope self-check's one IM call (a create refused for its made-up receiver) is the serving bot's own.
      await(own.sandbox.requests().await(WarmUpTest::im, BotHarness.START_TIMEOUT), BotHarness.START_TIMEOUT);
      long imCalls = imCalls(own);

      // WHEN the warm-up runs again beside the serving bot
      WarmUp.Summary summary = await(own.botSide.executeBlocking(() -> WarmUp.run(own.botSide, own.config)),
          Duration.ofSeconds(60));

      // THEN the bot's database holds no row, neither after the start nor after the warm-up
      assertTrue(afterStart.values().stream().allMatch(n -> n == 0), "rows after the start: " + afterStart);
      assertEquals(afterStart, rows(url), "rows after the warm-up");
      // AND the emulator's chats got nothing, and it saw no IM call from the warm-up
      assertEquals(List.of(), own.sandbox.im().messages(), "messages in the emulator's chats");
      assertEquals(imCalls, imCalls(own), "IM requests that reached the emulator");
      // AND yet it answered the click and sent its answers (to the canned Feishu)
      assertEquals(1, summary.clicksAnswered(), summary.toString());
      assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), summary.toString());
      await(bot.stop(), BotHarness.START_TIMEOUT);
    }
  }

  private static boolean im(RecordedRequest request) {
    return request.path().startsWith("/open-apis/im/");
  }

  private static long imCalls(BotParts parts) {
    return parts.sandbox.requests().all().stream().filter(WarmUpTest::im).count();
  }

  /** Rows per table of the bot's schema (Flyway's history left out: the migrations write it). */
  private static Map<String, Long> rows(String url) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        String table = tables.getString("TABLE_NAME");
        if (table.equalsIgnoreCase("flyway_schema_history")) {
          continue;
        }
        try (Statement s = c.createStatement(); ResultSet count = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          count.next();
          rows.put(table, count.getLong(1));
        }
      }
    }
    assertFalse(rows.isEmpty(), "no tables found at " + url);
    return rows;
  }

  @Test
  @DisplayName("begun early on its own thread (as Main does), the warm-up does the same work and asks Feishu nothing")
  void begunEarly() {
    // GIVEN the parsing and rendering begun before anything else
    var begun = WarmUp.begin(parts.config);

    // WHEN the rest of the warm-up runs on a worker
    WarmUp.Summary summary = await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config,
        begun)), Duration.ofSeconds(60));

    // THEN the begun part's work counts, and the calls ran as before
    assertTrue(begun.isDone());
    assertEquals(WarmUp.ROUNDS * WarmUp.SAMPLE_COMMANDS.size(), summary.commandsParsed());
    assertTrue(summary.cardsRendered() > 0, summary.toString());
    assertEquals(1, summary.clicksAnswered(), summary.toString());
    assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), summary.toString());
    assertEquals(List.of(), parts.sandbox.requests().all(), "requests that reached the emulator");
  }
}
