package io.hirebot.bench;

import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.sandbox.Chat;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.SubscriptionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A digest fan-out set up in the emulator and the bot's database: many jobs with a few applications each, and
 * many enabled group chats each following one job with a daily digest that is due now. Used by the benchmark's
 * section 4 and by the tests that need bulk traffic.
 */
public final class DigestChats {
  public static final int APPLICATIONS_PER_JOB = 3;
  public static final String CHAT_PREFIX = "oc_digest_";

  private DigestChats() {}

  /** Adds {@code jobs} jobs on the tenant's first process, with {@value #APPLICATIONS_PER_JOB} applications each. */
  public static List<String> seedJobs(FeishuSandbox sandbox, int jobs) {
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
  public static void seedChats(FeishuSandbox sandbox, RunningBot bot, Database db, List<String> jobIds, int chats,
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
      writes.add(bot.groupAccess().set(chat, true, "bench"));
      writes.add(subscriptions.put(new SubscriptionStore.Subscription(chat, jobIds.get(c % jobIds.size()),
          Set.of("new", "stage", "offer"), "en_us"), "bench"));
      writes.add(digests.put(chat, everyDay, slot, "", "en_us"));
    }
    BenchHttp.await(Future.join(writes), Duration.ofMinutes(2));
  }
}
