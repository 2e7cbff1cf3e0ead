package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.Launcher;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.store.Database;
import io.hirebot.testing.TestApps;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Section 4: many chats subscribed across many jobs, all with a digest due in the same slot; one run of the
 * bot's routines sends them. Measures Hire calls (which must grow with jobs, not chats), messages sent, time, and
 * whether Feishu's IM limits held (the emulator enforces them and would answer 429 / 230020).
 */
final class DigestFanOut {

  private static final int PROBES = 10;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  /** Two users, so the probes stay under one user's command rate limit. */
  private static final String[] PROBE_USERS = {"ou_user_alice", "ou_user_bob"};

  private final int chats;
  private final int jobs;

  DigestFanOut(int chats, int jobs) {
    this.chats = chats;
    this.jobs = jobs;
  }

  ObjectNode run() {
    String dbUrl = "jdbc:h2:mem:bench-digest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    BotConfig config = TestApps.ownApp(ConfigLoader.load(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", dbUrl),
        List.of("--sandbox")));
    var registry = Launcher.registry();
    Vertx vertx = Launcher.vertx(registry);
    Launcher.SandboxedBot started = BenchHttp.await(Launcher.startSandboxed(vertx, config, registry,
        Clock.systemUTC()), BenchEnv.STEP_TIMEOUT);
    try {
      FeishuSandbox sandbox = started.sandbox();
      List<String> jobIds = DigestChats.seedJobs(sandbox, jobs);
      Database db = BenchHttp.await(Database.open(vertx, dbUrl, "", ""), BenchEnv.STEP_TIMEOUT);
      try {
        DigestChats.seedChats(sandbox, started.bot(), db, jobIds, chats, config);
      } finally {
        db.close();
      }
      // The bot's first command after start is slow for reasons of its own (class loading, JIT): not measured here.
      ask(sandbox, PROBE_USERS[0]);
      int before = sandbox.requests().all().size();
      Instant t0 = Instant.now();
      long start = System.nanoTime();
      var fanOut = started.bot().scheduler().runNow();
      List<Long> replyMs = askDuring(sandbox, fanOut);
      // 1,000 chats need more than a minute of Feishu's IM ceiling (the bot sends at most ~810 bulk messages a minute).
      BenchHttp.await(fanOut, Duration.ofMinutes(4));
      double seconds = (System.nanoTime() - start) / 1e9;
      // Past ~800 chats the fan-out waits for Feishu's minute ceiling (1000 messages/min on top of 50/s).
      System.out.printf("bench: digest fan-out: %d chats x %d jobs in %.1f s%n", chats, jobs, seconds);
      List<RecordedRequest> during = sandbox.requests().all().subList(before, sandbox.requests().all().size());
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("chats", chats).put("jobs", jobs).put("seconds", Math.round(seconds * 10) / 10.0);
      out.put("hire_calls", count(during, r -> r.path().startsWith("/open-apis/hire/")));
      // Only what went to the benchmark's chats: the same pass also reminds the demo tenant's interviewers.
      Predicate<RecordedRequest> toDigestChats = r -> r.method().equals("POST")
          && r.path().equals("/open-apis/im/v1/messages") && r.body() != null && r.body().contains(DigestChats.CHAT_PREFIX);
      out.put("messages_sent", count(during, toDigestChats.and(r -> r.status() == 200)));
      out.put("digests_delivered", sandbox.im().messages().stream()
          .filter(m -> m.chatId().startsWith(DigestChats.CHAT_PREFIX) && m.parentId() == null).map(m -> m.chatId())
          .distinct().count());
      out.put("im_rate_limited_answers", count(during, toDigestChats.and(r -> r.status() == 429
          || (r.responseBody() != null && r.responseBody().contains("230020")))));
      out.put("hire_rate_limited_answers", count(during, r -> r.path().startsWith("/open-apis/hire/")
          && r.status() == 429));
      // Where the pass spends its Hire calls and when its sends went out: the figures to profile against.
      ObjectNode byPath = out.putObject("hire_calls_by_path");
      during.stream().filter(r -> r.path().startsWith("/open-apis/hire/"))
          .collect(java.util.stream.Collectors.groupingBy(r -> r.path().replaceAll("/[0-9a-zA-Z_]*[0-9]+[0-9a-zA-Z_]*", "/:id"),
              java.util.TreeMap::new, java.util.stream.Collectors.counting()))
          .forEach(byPath::put);
      List<RecordedRequest> sends = during.stream().filter(toDigestChats.and(r -> r.status() == 200)).toList();
      if (!sends.isEmpty()) {
        out.put("first_send_s", Duration.between(t0, sends.get(0).time()).toMillis() / 1000.0);
        out.put("last_send_s", Duration.between(t0, sends.get(sends.size() - 1).time()).toMillis() / 1000.0);
      }
      // A user's commands while the digests go out: the bulk lane must leave them the IM budget and the workers.
      out.put("replies_during", replyMs.size());
      replyMs.stream().mapToLong(Long::longValue).max().ifPresent(m -> out.put("reply_max_ms", m));
      if (!replyMs.isEmpty()) {
        out.put("reply_median_ms", replyMs.stream().sorted().toList().get(replyMs.size() / 2));
      }
      out.put("note", "one pass of every routine: Hire calls include the new-application poll of the same jobs "
          + "(sharing the cached stage lists) and the interview reminders of the demo tenant");
      return out;
    } finally {
      BenchHttp.await(started.closeSandbox(), BenchEnv.STEP_TIMEOUT);
      BenchHttp.await(vertx.close(), BenchEnv.STEP_TIMEOUT);
    }
  }

  /**
   * "help" from a user in the demo team's chat, {@value #PROBES} times a second apart while the fan-out runs (from
   * its 50th digest on), timed from the push to the reply reaching the emulator; stops when the fan-out ends.
   */
  private static List<Long> askDuring(FeishuSandbox sandbox, io.vertx.core.Future<Void> fanOut) {
    List<Long> out = new java.util.ArrayList<>();
    while (!fanOut.isComplete() && delivered(sandbox) < 50) {
      Pause.millis(50);
    }
    for (int i = 0; i < PROBES && !fanOut.isComplete(); i++) {
      out.add(ask(sandbox, PROBE_USERS[i % 2]));
      Pause.millis(1_000);
    }
    System.out.printf("bench: digest fan-out: replies during it (ms) %s%n", out);
    return out;
  }

  /** "help" from {@code user} in the demo team's chat; the milliseconds from the push to the reply. */
  private static long ask(FeishuSandbox sandbox, String user) {
    String id = "om_bench_digest_probe_" + UUID.randomUUID();
    var replied = sandbox.im().awaitMessage(m -> id.equals(m.parentId()), PROBE_TIMEOUT);
    long t0 = System.nanoTime();
    BenchHttp.await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(user)
        .mentioningBot().text("help").messageId(id)), PROBE_TIMEOUT);
    BenchHttp.await(replied, PROBE_TIMEOUT);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long delivered(FeishuSandbox sandbox) {
    return sandbox.im().messages().stream().filter(m -> m.chatId().startsWith(DigestChats.CHAT_PREFIX)).count();
  }

  private static long count(List<RecordedRequest> requests, Predicate<RecordedRequest> which) {
    return requests.stream().filter(which).count();
  }
}
