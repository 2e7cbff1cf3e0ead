package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.Launcher;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.store.Database;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
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
      List<String> jobIds = DigestChats.seedJobs(sandbox, jobs);
      Database db = BenchHttp.await(Database.open(vertx, dbUrl, "", ""), BenchEnv.STEP_TIMEOUT);
      try {
        DigestChats.seedChats(sandbox, started.bot(), db, jobIds, chats, config);
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
          && r.path().equals("/open-apis/im/v1/messages") && r.body() != null && r.body().contains(DigestChats.CHAT_PREFIX);
      out.put("messages_sent", count(during, toDigestChats.and(r -> r.status() == 200)));
      out.put("digests_delivered", sandbox.im().messages().stream()
          .filter(m -> m.chatId().startsWith(DigestChats.CHAT_PREFIX) && m.parentId() == null).map(m -> m.chatId())
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

  private static long count(List<RecordedRequest> requests, Predicate<RecordedRequest> which) {
    return requests.stream().filter(which).count();
  }
}
