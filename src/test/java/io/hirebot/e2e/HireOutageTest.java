package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.Faults;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.testing.ClickAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 §2 as a test: while Hire fails in one way (a 429 wave with its reset header, a proxy's non-JSON 502, a
 * hang), 14 users (commands and clicks at once) are each answered within 5 s with what failed and the log id where
 * one exists; once the fault is lifted the same command works again within one probe interval. A fresh bot per
 * fault kind, so every read starts cold. Prints the slowest answer and the recovery time of each kind.
 */
class HireOutageTest {
  /** The goal: every user answered within this during any Hire fault (the bot aims at 4 s). */
  private static final Duration ANSWER_GOAL = Duration.ofSeconds(5);
  /**
   * What a shared, overloaded test machine adds (measured: at a load average of 23 on 2 cores even an answer that
   * needs no Hire call took 2 s). The figures are printed against the goal; the assertion allows this on top.
   */
  private static final Duration LOAD_MARGIN = Duration.ofSeconds(3);
  /** How long the bot waits between probes of a Hire it considers down (the circuit's reset timeout). */
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
  /** How long the test waits for an answer at all (today's code takes tens of seconds). */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  /** Commands whose Hire reads are not cached by the card the clicks are made on. */
  private static final List<String> COMMANDS = List.of("candidates for job BE-002", "candidates for job FE-001",
      "candidates for job PM-001", "pipeline for job DS-001", "candidate Zhang Wei", "interviews this week",
      "offers", "candidates for job UX-001");
  private static final int CLICKS = 6;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  private static final String NO_ANSWER = "no answer: ";

  @RegisterExtension
  final BotHarness h = BotHarness.plain();

  /** One user's answer: how long it took from the push, and what they saw (card JSON or toast text). */
  private record Answer(String who, Duration took, String seen, boolean error) {}

  @Test
  @DisplayName("a wave of 429s with x-ogw-ratelimit-reset: everyone answered within 5 s with the limit and log id")
  void rateLimitWave() {
    outage("429 wave", f -> f.rateLimitAlways(Faults.HIRE_PATHS, 10, 5), true, "closed", "rate limit");
  }

  @Test
  @DisplayName("502 with an HTML body: everyone answered within 5 s with the status and the X-Tt-Logid")
  void badGatewayPage() {
    outage("502 non-JSON", f -> f.gatewayErrorAlways(Faults.HIRE_PATHS, 502), true, "open", "502");
  }

  @Test
  @DisplayName("Hire hangs: everyone answered within 5 s that Hire did not answer")
  void hang() {
    outage("hang", f -> f.hang(Faults.HIRE_PATHS), false, "open", "not answer|did not answer|not finished");
  }

  /**
   * @param logIdExists whether the failed calls got an answer with an X-Tt-Logid (not so when Hire hangs)
   * @param circuit "open" if the wave opens the Hire circuit; rate limits mean Hire answers, so it stays "closed"
   * @param said what every answer says the fault was (a regular expression) (once the circuit is open too: Hire answering 502s is not
   *     "not answering")
   */
  private void outage(String kind, Consumer<Faults> fault, boolean logIdExists, String circuit, String said) {
    SentMessage list = ask(RECRUITER, "candidates for job BE-001");
    List<JsonObject> clicks = clickValues(list);
    assertTrue(clicks.size() >= CLICKS, "enough buttons: " + clicks);

    fault.accept(h.sandbox.faults());
    List<Future<Answer>> pending = new ArrayList<>();
    for (int i = 0; i < COMMANDS.size(); i++) {
      pending.add(command("user" + i, COMMANDS.get(i)));
    }
    for (int i = 0; i < CLICKS; i++) {
      pending.add(click(list, clicks.get(i)));
    }
    List<Answer> answers = pending.stream().map(f -> await(f, PATIENCE.plusSeconds(10))).toList();

    Set<String> failedLogIds = h.sandbox.requests().all().stream()
        .filter(r -> r.path().startsWith("/open-apis/hire/") && r.status() >= 400)
        .map(RecordedRequest::logId).collect(Collectors.toSet());
    Answer slowest = answers.stream().max((a, b) -> a.took().compareTo(b.took())).orElseThrow();
    long errors = answers.stream().filter(Answer::error).count();
    JsonObject health = health();
    Duration recovery = recover(COMMANDS.get(0));
    System.out.printf("hire outage %s: %d users, slowest answer %d ms (%s; goal %d ms), %d answered with an error, "
            + "circuit %s, recovered %d ms after the fault was lifted (probe interval %d ms)%n", kind, answers.size(),
        slowest.took().toMillis(), slowest.who(), ANSWER_GOAL.toMillis(), errors,
        circuitState(health), recovery.toMillis(),
        PROBE_INTERVAL.toMillis());
    answers.forEach(a -> System.out.printf("  %-40s %6d ms %s%n", a.who(), a.took().toMillis(),
        a.seen().length() > 160 ? a.seen().substring(0, 160) + "…" : a.seen()));

    for (Answer a : answers) {
      assertTrue(a.took().compareTo(ANSWER_GOAL.plus(LOAD_MARGIN)) <= 0,
          a.who() + " waited " + a.took().toMillis() + " ms: " + a.seen());
      assertTrue(a.error(), a.who() + " was answered as if Hire were fine: " + a.seen());
      assertTrue(java.util.regex.Pattern.compile(said).matcher(a.seen()).find(), a.who() + " was not told the fault (" + said + "): " + a.seen());
      if (logIdExists) {
        assertTrue(failedLogIds.stream().anyMatch(a.seen()::contains),
            a.who() + " was not told the log id of a failed call: " + a.seen());
      }
    }
    // Once open, the circuit may be half-open at this instant, its probe on the way.
    String state = circuitState(health);
    assertEquals(circuit, "closed".equals(state) ? "closed" : "open", health.encode());
    assertEquals("open".equals(circuit) ? "degraded" : "up", health.getString("status"), "still serving: " + health);
    assertTrue(recovery.compareTo(PROBE_INTERVAL.plus(LOAD_MARGIN)) <= 0,
        "the same command worked only " + recovery.toMillis() + " ms after Hire recovered");
    assertEquals("closed", circuitState(health()));
    assertTrue(metrics().contains("hirebot_feishu_circuit_state{circuit=\"hire\",state=\"closed\"} 1.0"));
  }

  /** /healthz, which must answer 200 whatever Hire does: the bot itself is fine. */
  private JsonObject health() {
    var resp = await(h.web.getAbs(h.bot.url("/healthz")).send());
    assertEquals(200, resp.statusCode(), resp.bodyAsString());
    return resp.bodyAsJsonObject();
  }

  private static String circuitState(JsonObject health) {
    return health.getJsonObject("feishu", new JsonObject()).getJsonObject("hire_circuit", new JsonObject())
        .getString("state", "none");
  }

  private String metrics() {
    return await(h.web.getAbs(h.bot.url("/metrics")).send()).bodyAsString();
  }

  /**
   * Lifts the fault and asks the same command every half second, without waiting for earlier answers, until one
   * works: how long after the lift the first successful one was asked.
   */
  private Duration recover(String text) {
    h.sandbox.faults().clear();
    Instant lifted = Instant.now();
    List<Future<Instant>> attempts = new ArrayList<>();
    while (Duration.between(lifted, Instant.now()).compareTo(PATIENCE) < 0) {
      Instant asked = Instant.now();
      attempts.add(command("recovery", text).map(a -> a.error() || a.seen().startsWith(NO_ANSWER) ? null : asked));
      Optional<Instant> first = attempts.stream().filter(f -> f.succeeded() && f.result() != null)
          .map(Future::result).min(Instant::compareTo);
      if (first.isPresent()) {
        return Duration.between(lifted, first.get());
      }
      sleep(Duration.ofMillis(500));
    }
    return PATIENCE;
  }

  private SentMessage ask(String who, String text) {
    return h.ask(MessageSpec.group(TEAM).from(who).mentioningBot().text(text));
  }

  private Future<Answer> command(String who, String text) {
    Instant start = Instant.now();
    // Open ids have their documented shape (ou_…), or the webhook refuses the event as malformed.
    String sender = "ou_" + who + "_" + SENDERS.incrementAndGet();
    return h.sandbox.events().message(MessageSpec.group(TEAM).from(sender).mentioningBot().text(text))
        .compose(push -> {
          assertEquals(200, push.status(), push.body());
          return h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), PATIENCE);
        })
        .map(reply -> {
          String seen = reply.currentContent().toString();
          return new Answer("command \"" + text + "\"", Duration.between(start, reply.createTime()), seen, isError(seen));
        })
        .otherwise(e -> new Answer("command \"" + text + "\"", PATIENCE, NO_ANSWER + e, false));
  }

  /** A click answered at once (toast, card) or, after "Working on it…", by the delayed update with its token. */
  private Future<Answer> click(SentMessage on, JsonObject value) {
    boolean more = "more".equals(value.getString("action"));
    String who = "click " + (more ? "profile " + value.getString("application_id") : "page " + value.getInteger("page"));
    CardActionSpec spec = CardActionSpec.on(on.messageId()).by(RECRUITER).value(value);
    return ClickAnswer.click(h.sandbox, more ? spec.tag("overflow").option("profile") : spec.tag("button"), PATIENCE)
        .map(a -> {
          assertEquals(200, a.click().status(), a.click().body());
          return new Answer(who, a.took(), a.body(), a.errorToast() || isError(a.body()));
        })
        .otherwise(e -> new Answer(who, PATIENCE, NO_ANSWER + e, false));
  }

  /** The error card's title, or a failure toast. */
  private static boolean isError(String seen) {
    // A deadline that passed says so ("still waiting"), and its card later shows what came of it.
    return seen.contains("Feishu Hire did not answer") || seen.contains("Feishu Hire call failed")
        || seen.contains("That did not work")
        || seen.contains("Still waiting for Feishu Hire");
  }

  /**
   * Callback values of the card's next-page button and of its rows' ⋯ menus (opened on "Profile"): reads the card
   * itself did not make, so they reach Hire.
   */
  private static List<JsonObject> clickValues(SentMessage card) {
    List<JsonObject> values = new ArrayList<>();
    collect(new JsonObject(card.currentContent().toString()), values);
    List<JsonObject> next = values.stream()
        .filter(v -> "candidates.page".equals(v.getString("action")) && v.getInteger("page", 0) > 0).toList();
    List<JsonObject> profiles = values.stream().filter(v -> "more".equals(v.getString("action"))).toList();
    List<JsonObject> clicks = new ArrayList<>(next);
    next.stream().findFirst().ifPresent(n -> clicks.add(n.copy().put("page", 2)));
    clicks.addAll(profiles.subList(0, Math.min(profiles.size(), CLICKS - next.size())));
    return clicks;
  }

  private static void collect(Object node, List<JsonObject> into) {
    if (node instanceof JsonObject o) {
      Object value = o.getValue("value");
      if (value instanceof JsonObject v && v.containsKey("action")) {
        into.add(v);
      }
      o.forEach(e -> collect(e.getValue(), into));
    } else if (node instanceof JsonArray a) {
      a.forEach(e -> collect(e, into));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
