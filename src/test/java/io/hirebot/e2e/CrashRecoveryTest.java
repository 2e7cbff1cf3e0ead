package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.START_TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.bench.BenchHttp;
import io.hirebot.bench.ChildBot;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.Chat;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.RetryPolicy;
import io.hirebot.sandbox.SandboxConfig;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load: a bot in a JVM of its own takes signed group messages that each need a reply, is killed
 * after about a third have been acknowledged, and a new bot starts on the same database while the sandbox keeps
 * redelivering what got no 200 on Feishu's schedule. Every message is then answered exactly once: nothing
 * acknowledged is lost, nothing is answered twice, and a reply sent again after the restart reuses its uuid.
 */
class CrashRecoveryTest {
  private static final int MESSAGES = 300;
  /** Messages the first bot has taken (acknowledged, or answered: a reply means it was claimed) before the kill. */
  private static final int KILL_AFTER_TAKEN = 100;
  private static final int SENDERS = 50;
  /**
   * Ten chats: each takes 5 replies a second, so 30 replies per chat need 6 s (with three chats, 100 per chat needed
   * 20 s of the test's time without proving more); the app's 50 a second then bounds the 300 replies instead.
   */
  private static final List<String> CHATS = IntStream.range(0, 10).mapToObj(i -> "oc_crash_" + (char) ('a' + i))
      .toList();
  /** One push every 20 ms: a steady stream the kill lands in the middle of, not a burst a loaded machine drowns in. */
  private static final long PUSH_EVERY_MS = 20;
  /**
   * Feishu redelivers 15 s after a failed push (kept: a schedule run 3 times faster made the restarted bot miss the
   * first redelivery at a load average of 19, and wait 100 s for the next). On a loaded machine the restarted bot
   * may still miss it; the next one comes 5 minutes later, so allow for it rather than fail (the printed seconds
   * show when that happened).
   */
  private static final Duration ALL_ANSWERED_WITHIN = Duration.ofMinutes(7);
  private static final Duration TAKEN_WITHIN = Duration.ofMinutes(3);
  private static final String REPLY_PATH = "/open-apis/im/v1/messages/[^/]+/reply";

  @TempDir
  Path dir;
  private Vertx vertx;
  private FeishuSandbox sandbox;
  private BenchHttp http;

  @BeforeEach
  void startSandbox() {
    vertx = Vertx.vertx();
    sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()
        .withVerificationToken(ConfigLoader.SANDBOX_VERIFICATION_TOKEN)
        .withEncryptKey(ConfigLoader.SANDBOX_ENCRYPT_KEY)), START_TIMEOUT);
    CHATS.forEach(chat -> sandbox.im().addChat(Chat.group(chat, chat)));
    sandbox.events().retryPolicy(RetryPolicy.feishu());
    http = new BenchHttp(vertx, 2);
  }

  @AfterEach
  void stop() {
    http.close();
    await(vertx.close(), START_TIMEOUT);
  }

  @Test
  @DisplayName("kill -9 on H2 (the default database): 0 acknowledged events lost, 0 answered twice")
  void h2() {
    crashAndRecover("h2", Map.of("HIREBOT_DB_URL", "jdbc:h2:file:" + dir.resolve("hirebot")));
  }

  @Test
  @DisplayName("kill -9 on PostgreSQL: 0 acknowledged events lost, 0 answered twice")
  void postgres() throws IOException {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      crashAndRecover("postgresql", Map.of("HIREBOT_DB_URL", pg.getJdbcUrl("postgres", "postgres")));
    }
  }

  private void crashAndRecover(String db, Map<String, String> dbEnv) {
    long started = System.nanoTime();
    Map<String, String> env = new HashMap<>(dbEnv);
    env.put("FEISHU_APP_ID", sandbox.config().appId());
    env.put("FEISHU_APP_SECRET", sandbox.config().appSecret());
    env.put("FEISHU_VERIFICATION_TOKEN", ConfigLoader.SANDBOX_VERIFICATION_TOKEN);
    env.put("FEISHU_ENCRYPT_KEY", ConfigLoader.SANDBOX_ENCRYPT_KEY);
    env.put("FEISHU_BASE_URL", sandbox.baseUrl());

    // GIVEN a bot in its own JVM, as operators run it
    // The child's log stays in target/ for whoever looks into a failure.
    Path childLog = Path.of("target", "crash-recovery-" + db + ".log");
    ChildBot child = ChildBot.launch(childLog, env);
    RunningBot restarted = null;
    ChildWatch watch = null;
    try {
      child.awaitReady(http);
      sandbox.botUrls(child.url("/webhook/event"), child.url("/webhook/card"));
      warmUp();

      // WHEN 300 mentions arrive over 10 chats and the bot is killed once it took about 100 of them
      Set<String> acked = ConcurrentHashMap.newKeySet();
      List<String> ids = IntStream.range(0, MESSAGES).mapToObj(i -> String.format("om_crash%04d", i)).toList();
      AtomicInteger next = new AtomicInteger();
      // Acknowledged at the first attempt (within Feishu's 3 s), and not: the latter are known once a redelivery
      // answered, 15 s later. Printed, not asserted: on a loaded machine many first answers come after the 3 s.
      AtomicInteger firstAttempt = new AtomicInteger();
      AtomicInteger firstAttemptMissed = new AtomicInteger();
      watch = ChildWatch.start(child, http, childLog, Path.of("target", "crash-recovery-" + db),
          () -> taken(ids, acked), () -> String.format("pushed=%d taken=%d acked=%d acked_first_attempt=%d "
              + "first_attempt_missed=%d answered=%d", Math.min(next.get(), MESSAGES), taken(ids, acked), acked.size(),
              firstAttempt.get(), firstAttemptMissed.get(), ids.size() - unanswered(ids).size()));
      vertx.setPeriodic(PUSH_EVERY_MS, timer -> {
        int i = next.getAndIncrement();
        if (i >= MESSAGES) {
          vertx.cancelTimer(timer);
          return;
        }
        MessageSpec spec = MessageSpec.group(CHATS.get(i % CHATS.size())).from("ou_crash_user_" + (i % SENDERS))
            .mentioningBot().text("help").messageId(ids.get(i)).eventId("ev_crash_" + i);
        sandbox.events().message(spec).onSuccess(r -> {
          // A 200 on any attempt: before the kill from the first bot, after it from the restarted one.
          if (r.status() == 200) {
            acked.add(ids.get(i));
          }
          (r.attempts() == 1 ? firstAttempt : firstAttemptMissed).incrementAndGet();
        });
      });
      awaitTaken(ids, acked, watch);
      watch.close();
      child.kill();
      int takenAtKill = taken(ids, acked);

      // THEN a bot restarted on the same database (as if after the claim lease) answers everything once
      Clock afterLease = Clock.offset(Clock.systemUTC(), JdbcProcessedEvents.LEASE.plusMinutes(1));
      var config = ConfigLoader.load(env, List.of()).withPort(0);
      restarted = await(Launcher.startBot(vertx, config, Launcher.registry(), afterLease), START_TIMEOUT);
      sandbox.botUrls(restarted.url("/webhook/event"), restarted.url("/webhook/card"));
      awaitAllAnswered(restarted, ids);

      Set<String> lost = acked.stream().filter(id -> sandbox.im().repliesTo(id).isEmpty())
          .collect(Collectors.toSet());
      List<String> doubled = ids.stream().filter(id -> sandbox.im().repliesTo(id).size() > 1).toList();
      Map<String, List<RecordedRequest>> replyCalls = sandbox.requests().matching("POST", REPLY_PATH).stream()
          .collect(Collectors.groupingBy(RecordedRequest::path));
      List<List<RecordedRequest>> resent = replyCalls.values().stream().filter(calls -> calls.size() > 1).toList();
      long resentWithOtherUuid = resent.stream()
          .filter(calls -> calls.stream().map(c -> c.jsonBody().getString("uuid")).distinct().count() > 1).count();
      System.out.printf("crash recovery db=%s taken_at_kill=%d acked=%d acked_first_attempt=%d lost=%d doubled=%d "
              + "unanswered=%d replies_resent=%d resent_with_other_uuid=%d seconds=%.1f%n", db, takenAtKill, acked.size(),
          firstAttempt.get(), lost.size(), doubled.size(), unanswered(ids).size(), resent.size(),
          resentWithOtherUuid, (System.nanoTime() - started) / 1e9);

      assertTrue(takenAtKill >= KILL_AFTER_TAKEN && takenAtKill < MESSAGES, "killed mid-stream: " + takenAtKill);
      assertEquals(Set.of(), lost, "acknowledged but never answered");
      assertEquals(List.of(), doubled, "answered twice");
      assertEquals(List.of(), unanswered(ids), "redelivered but never answered");
      assertEquals(0, resentWithOtherUuid, "a reply sent again after the restart must reuse its uuid");
    } finally {
      if (watch != null) {
        watch.close();
      }
      child.close();
      if (restarted != null) {
        await(restarted.stop(), START_TIMEOUT);
      }
    }
  }

  /** A few answered mentions first, so the flood meets a bot in steady state rather than a JVM still loading classes. */
  private void warmUp() {
    for (String chat : CHATS) {
      PushResult push = await(sandbox.events().message(MessageSpec.group(chat).from("ou_crash_warm_up")
          .mentioningBot().text("help")), START_TIMEOUT);
      await(sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), START_TIMEOUT), START_TIMEOUT);
    }
  }

  /** Waits for a reply to every message, sweeping unfinished claims as the bot's routine would each minute. */
  private void awaitAllAnswered(RunningBot bot, List<String> ids) {
    long deadline = System.nanoTime() + ALL_ANSWERED_WITHIN.toNanos();
    while (!unanswered(ids).isEmpty() && System.nanoTime() < deadline) {
      if (bot.scheduler() != null) {
        await(bot.scheduler().runNow(), START_TIMEOUT);
      }
      sleep(Duration.ofMillis(250));
    }
  }

  private List<String> unanswered(List<String> ids) {
    return ids.stream().filter(id -> sandbox.im().repliesTo(id).isEmpty()).toList();
  }

  /**
   * Waits until the first bot took {@link #KILL_AFTER_TAKEN} messages: acknowledged (a 200 seen) or answered (a reply
   * seen: it was claimed, so acknowledged, though maybe after Feishu's 3 s). Counting only 200s on the first attempt, a
   * loaded machine waited 3 minutes and failed while the bot answered all 300 (reproduced with the child at nice 19,
   * load 17: 38 first attempts within 3 s, the redeliveries 15 s later late too, the next ones due after 5 minutes).
   */
  private void awaitTaken(List<String> ids, Set<String> acked, ChildWatch watch) {
    long deadline = System.nanoTime() + TAKEN_WITHIN.toNanos();
    while (taken(ids, acked) < KILL_AFTER_TAKEN) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the first bot took fewer than " + KILL_AFTER_TAKEN + " messages in " + TAKEN_WITHIN
            + watch.report());
      }
      sleep(Duration.ofMillis(100));
    }
  }

  /** Messages acknowledged or answered. */
  private int taken(List<String> ids, Set<String> acked) {
    return (int) ids.stream().filter(id -> acked.contains(id) || !sandbox.im().repliesTo(id).isEmpty()).count();
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
