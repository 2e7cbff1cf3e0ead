package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.feishu.outbound.ScopeProbes;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.testing.LoggedLines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A bot served by several verticle instances (one per CPU) starts as one process: it asks Feishu who it is and runs
 * the scope self-check once, and reports healthy only when every instance listens.
 */
class ServingStartTest {
  private static final String BOT_INFO = "/open-apis/bot/v3/info";
  /** How long a call the bot sent before it stopped may still take to reach the sandbox. */
  private static final long SETTLE_MS = 2_000;
  /** The scope self-check's probe of hire:application (a recover of an application that does not exist). */
  private static final String RECOVER_PROBE = "/open-apis/hire/v1/applications/[^/]+/recover";

  private final Vertx feishuSide = Vertx.vertx();
  private final Vertx botSide = Vertx.vertx();
  private FeishuSandbox sandbox;
  private BotConfig config;

  @BeforeEach
  void start() throws IOException {
    String db = "jdbc:h2:file:" + Files.createTempDirectory("hirebot-serving-start").resolve("bot");
    BotConfig loaded = ConfigLoader.load(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", db), List.of("--sandbox"));
    sandbox = await(FeishuSandbox.start(feishuSide, Launcher.sandboxConfig(loaded, Clock.systemUTC())),
        BotHarness.START_TIMEOUT);
    // The tests need the bot's port before it starts. Found free only once the sandbox listens: found before, it was
    // free again when the sandbox asked for any port, which got it, and the bot could not listen ("Address already in
    // use", once on CI).
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    config = ConfigLoader.load(Map.of("HIREBOT_PORT", String.valueOf(port), "HIREBOT_DB_URL", db),
        List.of("--sandbox")).withFeishu(loaded.feishu().withBaseUrl(sandbox.baseUrl()));
  }

  @AfterEach
  void close() {
    await(botSide.close(), BotHarness.START_TIMEOUT);
    await(feishuSide.close());
  }

  @Test
  @DisplayName("stopping closes the database (Hikari's shutdown, H2 writing its file) on no event loop")
  void databaseClosedOffTheEventLoop() {
    RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
        BotHarness.START_TIMEOUT);
    List<String> closing;
    try (LoggedLines hikari = LoggedLines.of("com.zaxxer.hikari")) {
      await(bot.stop(), BotHarness.START_TIMEOUT);
      closing = hikari.lines().stream().filter(line -> line.contains("hirebot-db - Shutdown")).toList();
    }
    assertFalse(closing.isEmpty(), "the database was closed");
    assertEquals(List.of(), closing.stream().filter(line -> line.startsWith("vert.x-eventloop-thread-")).toList(),
        "the database's closing on an event loop");
  }

  @Test
  @DisplayName("several instances: one identity call and one scope self-check per process")
  void identityOncePerProcess() {
    assumeTrue(BotVerticle.INSTANCES >= 2, "one CPU: one instance");

    RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
        BotHarness.START_TIMEOUT);

    assertEquals(1, sandbox.requests().count("GET", BOT_INFO), "bot/v3/info calls for " + BotVerticle.INSTANCES
        + " instances");
    // The self-check once: its first wave with the identity call, the rest once the bot serves.
    BotHarness.awaitScopeCheck(bot);
    assertEquals(1, sandbox.requests().count("POST", RECOVER_PROBE), "scope self-checks");
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  @Test
  @DisplayName("several instances: webhook connections are served on as many event loops as instances")
  void eachInstanceServesOnItsOwnEventLoop() throws Exception {
    assumeTrue(BotVerticle.INSTANCES >= 2, "one CPU: one instance");
    RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
        BotHarness.START_TIMEOUT);

    // Vert.x hands a shared port's connections to its servers in turn; each server runs where it was listened from.
    // A push's body is read into an array of its declared length on the event loop that serves it: what each of the
    // bot's event loops allocated shows which served (the refusals' log lines are gated, one per 10 s).
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    List<Long> loops = new java.util.ArrayList<>();
    for (io.netty.util.concurrent.EventExecutor loop
        : ((io.vertx.core.internal.VertxInternal) botSide).nettyEventLoopGroup()) {
      loops.add(loop.submit(() -> Thread.currentThread().getId()).get(5, java.util.concurrent.TimeUnit.SECONDS));
    }
    Map<Long, Long> before = new java.util.HashMap<>();
    loops.forEach(id -> before.put(id, threads.getThreadAllocatedBytes(id)));
    int pushes = 4 * BotVerticle.INSTANCES;
    for (int i = 0; i < pushes; i++) {
      assertEquals(401, unsignedPush(config.port()), "an unsigned push");
    }

    Map<Long, Long> read = new java.util.TreeMap<>();
    loops.forEach(id -> read.put(id, threads.getThreadAllocatedBytes(id) - before.get(id)));
    long serving = read.values().stream().filter(bytes -> bytes >= 2 * PUSH_BYTES).count();
    assertEquals(BotVerticle.INSTANCES, serving, "event loops that read " + pushes + " pushes of " + PUSH_BYTES
        + " bytes (bytes allocated by thread id): " + read);
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  /** The size of {@link #unsignedPush}'s body: far above what an idle event loop allocates meanwhile. */
  private static final int PUSH_BYTES = 256 * 1024;

  /** One unsigned event push of {@link #PUSH_BYTES} on a connection of its own; the status the bot answered. */
  private static int unsignedPush(int port) throws IOException {
    String start = "{\"schema\":\"2.0\",\"header\":{\"event_type\":\"im.message.receive_v1\"},\"pad\":\"";
    byte[] body = (start + "x".repeat(PUSH_BYTES - start.length() - 2) + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      String head = "POST /webhook/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  @DisplayName("the self-check's first wave is answered before the bot serves, the rest after, each scope probed once")
  void firstWaveBeforeServing() {
    // Each probe answers 400 ms after it is sent: one sent once the bot serves cannot have answered by the time the
    // start's future completes here, whatever the machine's load.
    sandbox.faults().latency("/open-apis/(hire|im)/.*", Duration.ofMillis(400));
    RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
        BotHarness.START_TIMEOUT);
    Instant serving = Instant.now();

    // Nothing else calls Hire or sends a message before the bot serves (the warm-up's Feishu is canned): these are
    // the wave's probes, answered, so their connections are open for a first command's Hire calls.
    List<RecordedRequest> answeredBefore = probes().stream()
        .filter(r -> !r.time().plus(r.took()).isAfter(serving)).toList();
    assertEquals(ScopeProbes.WAVE, answeredBefore.size(), "probes answered before serving: " + answeredBefore);
    sandbox.faults().clear();
    BotHarness.awaitScopeCheck(bot);
    List<String> all = probes().stream().map(r -> r.method() + " " + r.path().replaceFirst("\\?.*", "")).toList();
    assertEquals(all.size(), new java.util.HashSet<>(all).size(), "each scope probed once: " + all);
    assertTrue(all.size() > ScopeProbes.WAVE, "the rest of the check after serving: " + all);
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  @Test
  @DisplayName("a start whose self-check probes outlast a user's Hire call timeout (a cold or CPU-starved process) "
      + "serves with Hire taken as answering: the first command gets its card, not 'Feishu Hire did not answer'")
  void slowProbesLeaveHireAnswering() throws Exception {
    // Every probe answers after 4 s, past the 3.5 s a user's Hire call gets: on main the wave's six timeouts opened
    // the circuit, and users were told Hire was down until its next probe, 5 s later, though Hire answered them all.
    sandbox.faults().latency("/open-apis/(hire|im)/.*", Duration.ofMillis(4_000));
    RunningBot bot = await(Launcher.startBot(botSide, config.withAdmins(Set.of(DemoTenant.ADMIN_ZHOU)),
        Launcher.registry(), Clock.systemUTC()), BotHarness.START_TIMEOUT);
    sandbox.faults().clear();

    String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bot.url("/healthz"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertEquals("closed", new io.vertx.core.json.JsonObject(health).getJsonObject("feishu")
        .getJsonObject("hire_circuit").getString("state"), health);
    await(bot.groupAccess().set(ImState.DEMO_TEAM_CHAT, true, DemoTenant.ADMIN_ZHOU), BotHarness.START_TIMEOUT);
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
    await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(DemoTenant.ADMIN_ZHOU)
        .mentioningBot().text("candidates for job BE-002").messageId("om_cold_command")), BotHarness.START_TIMEOUT);
    String reply = await(sandbox.im().awaitMessage(m -> "om_cold_command".equals(m.parentId()),
        BotHarness.START_TIMEOUT), BotHarness.START_TIMEOUT).content().toString();
    assertTrue(reply.contains("Candidates"), reply);
    assertFalse(reply.contains("did not answer"), reply);
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  @Test
  @DisplayName("a Hire that does not answer at start: the bot serves without waiting out the probes' own timeout, and "
      + "does not log its identity as unknown when only the probes are pending")
  void unansweredProbesDoNotHoldTheStart() {
    // Probes answered after 9 s (under the SDK's 10 s timeout); the identity (bot info, not Hire) answers at once.
    sandbox.faults().latency("/open-apis/(hire|im/v1/messages).*", Duration.ofMillis(9_000));
    try (LoggedLines identity = LoggedLines.of(BotIdentity.class.getName())) {
      RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
          BotHarness.START_TIMEOUT);

      // (on main the start waited for the probes until its 5 s limit and then logged "bot identity not known")
      assertTrue(identity.lines().stream().noneMatch(l -> l.contains("identity not known")), identity.lines().toString());
      assertTrue(identity.lines().stream().anyMatch(l -> l.contains("bot identity open_id=")), identity.lines().toString());
      sandbox.faults().clear();
      await(bot.stop(), BotHarness.START_TIMEOUT);
    }
  }

  @Test
  @DisplayName("Feishu unreachable at start (wrong address, no network, bad credentials): the bot serves, and /healthz "
      + "says degraded, not up, while it does not know who it is")
  void unknownIdentityIsDegraded() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    RunningBot bot = await(Launcher.startBot(botSide, config.withFeishu(config.feishu()
        .withBaseUrl("http://127.0.0.1:" + closed)), Launcher.registry(), Clock.systemUTC()), BotHarness.START_TIMEOUT);

    String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bot.url("/healthz"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(health);
    assertEquals(false, body.getJsonObject("feishu").getBoolean("bot_identity_known"), health);
    // (on main: "up", though group mentions go unrecognised and every call to Feishu fails)
    assertEquals("degraded", body.getString("status"), health);
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  /** The calls the scope self-check makes: Hire's, and IM's message create (to a chat that does not exist). */
  private List<RecordedRequest> probes() {
    return sandbox.requests().all().stream().filter(r -> r.path().startsWith("/open-apis/hire/")
        || r.path().startsWith("/open-apis/im/v1/messages")).toList();
  }

  @Test
  @DisplayName("a command sent as the bot starts serving: the scope self-check sends no probe while it is handled")
  void selfCheckGivesWayToUsers() {
    // Slow enough that probes sent together at serving are all still in flight when the command arrives; the reply
    // is slower still, so the command stays in flight over several probes' round trips.
    sandbox.faults().latency("/open-apis/hire/.*", Duration.ofMillis(1_000))
        .latency("/open-apis/im/v1/messages/[^/]+/reply", Duration.ofMillis(3_000));
    RunningBot bot = await(Launcher.startBot(botSide, config.withAdmins(Set.of(DemoTenant.ADMIN_ZHOU)),
        Launcher.registry(), Clock.systemUTC()), BotHarness.START_TIMEOUT);
    await(bot.groupAccess().set(ImState.DEMO_TEAM_CHAT, true, DemoTenant.ADMIN_ZHOU), BotHarness.START_TIMEOUT);
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));

    PushResult push = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(DemoTenant.ADMIN_ZHOU).mentioningBot().text("help").messageId("om_first_command")),
        BotHarness.START_TIMEOUT);
    assertEquals(200, push.status(), push.body());
    Instant acked = Instant.now();
    await(sandbox.im().awaitMessage(m -> "om_first_command".equals(m.parentId()), BotHarness.START_TIMEOUT),
        BotHarness.START_TIMEOUT);
    Instant replied = Instant.now();

    // "help" reads nothing from Hire: every Hire call made while it was handled is the self-check's. The bot has the
    // command once it acknowledged the push; from then on (over 3 s, three probes' round trips) at most the one probe
    // it sent just before may still reach Hire, and no other may start. (Counted from the ack, not from the push: on a
    // loaded machine the push took long enough to reach the bot for the check to send probes meanwhile, rightly.)
    List<String> probesDuring = sandbox.requests().all().stream()
        .filter(r -> r.path().startsWith("/open-apis/hire/"))
        .filter(r -> r.time().isAfter(acked) && r.time().isBefore(replied))
        .map(r -> r.method() + " " + r.path()).toList();
    assertTrue(probesDuring.size() <= 1, "self-check probes sent while the first command was handled: "
        + probesDuring);
    // The check still runs to the end once the bot is idle.
    sandbox.faults().clear();
    BotHarness.awaitScopeCheck(bot);
    assertEquals(1, sandbox.requests().count("POST", RECOVER_PROBE), "scope self-checks");
    await(bot.stop(), BotHarness.START_TIMEOUT);
  }

  @Test
  @DisplayName("/healthz answers 200 only once every instance listens (one instance's identity call failed first)")
  void healthyWhenEveryInstanceListens() throws Exception {
    assumeTrue(BotVerticle.INSTANCES >= 2, "one CPU: one instance");
    // The first identity call fails: Feishu is retried a few seconds later, a window any early listener shows in.
    sandbox.faults().failNext("GET", BOT_INFO, 500, 1, "internal error");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest healthz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.port() + "/healthz"))
        .timeout(Duration.ofSeconds(5)).build();

    Future<RunningBot> started = Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC());
    long deadline = System.nanoTime() + BotHarness.START_TIMEOUT.toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      try {
        status = http.send(healthz, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException notListening) {
        Thread.sleep(10);
      }
    }

    // The deployment completes before the health check may say so: when it answers 200, the start has finished.
    assertEquals(200, status);
    assertTrue(started.isComplete(), "/healthz answered 200 while instances were still starting");
    await(await(started).stop(), BotHarness.START_TIMEOUT);
  }

  @Test
  @DisplayName("port taken: the start fails naming the address, and no scope check or routine ran")
  void portTaken() throws IOException {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    botSide.exceptionHandler(uncaught::add);
    try (ServerSocket taken = new ServerSocket(config.port(), 50, java.net.InetAddress.getLoopbackAddress())) {
      Future<RunningBot> started = Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC());
      Throwable failure = await(started.transform(r -> Future.succeededFuture(r.cause())), BotHarness.START_TIMEOUT);

      assertTrue(failure != null && failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + config.port() + ": "),
          String.valueOf(failure));
      // The identity was asked (listening waits for it); what follows serving was not started.
      await(botSide.close(), BotHarness.START_TIMEOUT);
      assertEquals(1, sandbox.requests().count("GET", BOT_INFO), "bot/v3/info calls");
      assertEquals(0, sandbox.requests().count("POST", RECOVER_PROBE), "scope self-checks");
      assertEquals(List.of(), uncaught);
    }
  }

  @Test
  @DisplayName("stopped while Feishu refuses the identity call: no retry, no scope check, no error after the stop")
  void noIdentityWorkAfterStop() throws InterruptedException {
    List<Throwable> uncaught = identityRefused();
    RunningBot bot = await(Launcher.startBot(botSide, config, Launcher.registry(), Clock.systemUTC()),
        BotHarness.START_TIMEOUT);

    await(bot.stop(), BotHarness.START_TIMEOUT);

    assertNoIdentityWorkAfter("the stop", uncaught);
    assertEquals(0, sandbox.requests().count("POST", RECOVER_PROBE), "scope self-checks");
  }

  @Test
  @DisplayName("database unusable: the start fails naming it, and the identity call begun beside it stops (no retry)")
  void databaseUnusable() throws InterruptedException {
    List<Throwable> uncaught = identityRefused();
    // H2 refuses a file path relative to the working directory.
    String url = "jdbc:h2:file:relative/bot";
    BotConfig unusable = ConfigLoader.load(Map.of("HIREBOT_PORT", String.valueOf(config.port()), "HIREBOT_DB_URL", url),
        List.of("--sandbox")).withFeishu(config.feishu());

    Future<RunningBot> started = Launcher.startBot(botSide, unusable, Launcher.registry(), Clock.systemUTC());
    Throwable failure = await(started.transform(r -> Future.succeededFuture(r.cause())), BotHarness.START_TIMEOUT);

    assertTrue(failure != null && failure.getMessage().startsWith("database unusable url=" + url),
        String.valueOf(failure));
    assertNoIdentityWorkAfter("the failed start", uncaught);
  }

  /** Feishu refuses the identity call (the bot retries it); the errors nobody handled on the bot's side, collected. */
  private List<Throwable> identityRefused() {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    botSide.exceptionHandler(uncaught::add);
    sandbox.faults().failAlways("GET", BOT_INFO, 500, 1, "internal error");
    return uncaught;
  }

  /** No identity call for longer than a retry takes, and no error nobody handled. */
  private void assertNoIdentityWorkAfter(String event, List<Throwable> uncaught) throws InterruptedException {
    // The sandbox records a call when it answers: the start's own identity call may still be on its way (the
    // suite saw it arrive just after the failed start). A retry comes RETRY_MS after an answer, so this settling
    // hides none that the wait below would see.
    Thread.sleep(SETTLE_MS);
    long asked = sandbox.requests().count("GET", BOT_INFO);
    Thread.sleep(BotIdentity.RETRY_MS + 1_000);
    assertEquals(asked, sandbox.requests().count("GET", BOT_INFO), "identity calls after " + event);
    assertEquals(List.of(), uncaught);
  }
}
