package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.Launcher;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.Chat;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.SubscriptionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Section 4: many chats subscribed across many jobs, all with a digest due in the same slot; one run of the
 * bot's routines sends them. Measures Hire calls (which must grow with jobs, not chats), messages sent, time, and
 * whether Feishu's IM limits held (the emulator enforces them and would answer 429 / 230020).
 */
final class DigestFanOut {
  static final int APPLICATIONS_PER_JOB = 3;
  private static final String CHAT_PREFIX = "oc_digest_";

  private final int chats;
  private final int jobs;

  DigestFanOut(int chats, int jobs) {
    this.chats = chats;
    this.jobs = jobs;
  }

  ObjectNode run() {
    String dbUrl = "jdbc:h2:mem:bench-digest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    BotConfig config = ConfigLoader.load(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", dbUrl), List.of("--sandbox"));
    var registry = Launcher.registry();
    Vertx vertx = Launcher.vertx(registry);
    Launcher.SandboxedBot started = BenchHttp.await(Launcher.startSandboxed(vertx, config, registry,
        Clock.systemUTC()), BenchEnv.STEP_TIMEOUT);
    try {
      FeishuSandbox sandbox = started.sandbox();
      List<String> jobIds = seedJobs(sandbox);
      Database db = BenchHttp.await(Database.open(vertx, dbUrl, "", ""), BenchEnv.STEP_TIMEOUT);
      try {
        seedChats(sandbox, started, db, jobIds, config);
      } finally {
        db.close();
      }
      int before = sandbox.requests().all().size();
      long start = System.nanoTime();
      BenchHttp.await(started.bot().scheduler().runNow(), Duration.ofMinutes(3));
      double seconds = (System.nanoTime() - start) / 1e9;
      List<RecordedRequest> during = sandbox.requests().all().subList(before, sandbox.requests().all().size());
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("chats", chats).put("jobs", jobs).put("seconds", Math.round(seconds * 10) / 10.0);
      out.put("hire_calls", count(during, r -> r.path().startsWith("/open-apis/hire/")));
      // Only what went to the benchmark's chats: the same pass also reminds the demo tenant's interviewers.
      Predicate<RecordedRequest> toDigestChats = r -> r.method().equals("POST")
          && r.path().equals("/open-apis/im/v1/messages") && r.body() != null && r.body().contains(CHAT_PREFIX);
      out.put("messages_sent", count(during, toDigestChats.and(r -> r.status() == 200)));
      out.put("digests_delivered", sandbox.im().messages().stream()
          .filter(m -> m.chatId().startsWith(CHAT_PREFIX) && m.parentId() == null).map(m -> m.chatId())
          .distinct().count());
      out.put("im_rate_limited_answers", count(during, toDigestChats.and(r -> r.status() == 429
          || (r.responseBody() != null && r.responseBody().contains("230020")))));
      out.put("hire_rate_limited_answers", count(during, r -> r.path().startsWith("/open-apis/hire/")
          && r.status() == 429));
      out.put("note", "one pass of every routine: Hire calls include the new-application poll of the same jobs "
          + "(sharing the cached stage lists) and the interview reminders of the demo tenant");
      return out;
    } finally {
      BenchHttp.await(started.closeSandbox(), BenchEnv.STEP_TIMEOUT);
      BenchHttp.await(vertx.close(), BenchEnv.STEP_TIMEOUT);
    }
  }

  private List<String> seedJobs(FeishuSandbox sandbox) {
    var hire = sandbox.hire();
    var process = hire.processes().get(0);
    List<String> ids = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      Job job = hire.addJob("Digest Job " + j, "DG-" + j, process.id(), "ou_recruiter_li", "ou_hm_zhang");
      List<Stage> stages = hire.stagesOf(job.id());
      for (int a = 0; a < APPLICATIONS_PER_JOB; a++) {
        var t = hire.addTalent("Digest Talent " + j + "-" + a, String.format("137%08d", j * 10 + a),
            "digest" + j + "-" + a + "@example.com");
        hire.addApplication(job.id(), t.id(), stages.get(a % 3).id());
      }
      ids.add(job.id());
    }
    return ids;
  }

  /** Every chat enabled, following one job, with a daily digest whose slot passed two minutes ago. */
  private void seedChats(FeishuSandbox sandbox, Launcher.SandboxedBot started, Database db, List<String> jobIds,
      BotConfig config) {
    // Set up "an hour ago", so the slot that just passed counts as due (it came after the schedule was set).
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    SubscriptionStore subscriptions = new SubscriptionStore(db, past);
    DigestStore digests = new DigestStore(db, past);
    LocalTime slot = LocalTime.now(config.timezone()).minusMinutes(2).withSecond(0).withNano(0);
    Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
    List<Future<?>> writes = new ArrayList<>();
    for (int c = 0; c < chats; c++) {
      String chat = CHAT_PREFIX + c;
      sandbox.im().addChat(Chat.group(chat, "digest " + c));
      writes.add(started.bot().groupAccess().set(chat, true, "bench"));
      writes.add(subscriptions.put(new SubscriptionStore.Subscription(chat, jobIds.get(c % jobIds.size()),
          Set.of("new", "stage", "offer"), "en_us"), "bench"));
      writes.add(digests.put(chat, everyDay, slot, "", "en_us"));
    }
    BenchHttp.await(Future.join(writes), Duration.ofMinutes(2));
  }

  private static long count(List<RecordedRequest> requests, Predicate<RecordedRequest> which) {
    return requests.stream().filter(which).count();
  }
}
