package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.store.Database;
import io.hirebot.store.SubscriptionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "digest now" for a chat following {@value #JOBS} jobs costs Hire the same calls whether their process has 8 stages
 * or a hundred: the digest reads a job's whole active list and the applications on it, never a list per stage; and
 * what does not wait for the details' 10 a second (the team's task lists) is read alongside them. Each case runs on a
 * fresh bot (cold caches), with the same applications in stages of the same types.
 */
class DigestStagesTest {
  static final int JOBS = 10;
  /** Applications per job, one in each of these stages (counted from the start, or from the end when negative). */
  private static final int[] PLACES = {0, 1, 2, 3, -3, -2};

  /**
   * What one "digest now" cost: Hire calls by endpoint, the card it answered, and the Hire calls in the order the
   * sandbox answered them.
   */
  private record Cost(Map<String, Long> calls, String card, long ms, List<String> order) {
    long total() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Cost eight;
  private static Cost hundred;

  @BeforeAll
  static void measure() {
    eight = digestNow(8);
    hundred = digestNow(100);
  }

  @Test
  @DisplayName("digest now makes the same Hire calls for jobs of 100 stages as for jobs of 8")
  void callsIndependentOfStages() {
    System.out.printf("digest now, %d jobs: 8 stages %d Hire calls (%.1f per job) in %d ms %s%n", JOBS, eight.total(),
        (double) eight.total() / JOBS, eight.ms(), eight.calls());
    System.out.printf("digest now, %d jobs: 100 stages %d Hire calls (%.1f per job) in %d ms %s%n", JOBS,
        hundred.total(), (double) hundred.total() / JOBS, hundred.ms(), hundred.calls());
    assertTrue(eight.card().contains("Stages Job 1") && hundred.card().contains("Stages Job 1"), hundred.card());
    assertEquals(eight.calls(), hundred.calls(), "Hire calls by endpoint, 8 stages against 100");
  }

  /**
   * Hire allows 10 get_detail calls a second, so the applications' details take the digest's longest (60 here, 6 s;
   * 240 of a 40-job tenant, 26 s): the people's task lists, on budgets of their own, are read meanwhile, not after.
   */
  @Test
  @DisplayName("digest now reads the team's task lists while the applications' details are still being read")
  void taskListsAlongsideDetails() {
    List<String> order = eight.order();
    int firstTasks = order.indexOf("GET /open-apis/hire/v1/evaluation_tasks");
    int lastDetail = order.lastIndexOf("GET /open-apis/hire/v1/applications/{id}/get_detail");
    assertTrue(firstTasks >= 0 && lastDetail >= 0, order.toString());
    assertTrue(firstTasks < lastDetail, "the first task list came after the last of " + order.stream()
        .filter(e -> e.endsWith("get_detail")).count() + " get_detail calls: " + order);
  }

  /** A fresh bot whose team chat follows {@value #JOBS} jobs of a process of {@code stages} stages, asked "digest now". */
  private static Cost digestNow(int stages) {
    try (BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"))) {
      List<String> jobIds = seed(h, stages);
      String chat = ImState.DEMO_TEAM_CHAT;
      h.enableGroup(chat);
      follow(h, chat, jobIds);
      while (h.sandbox.requests().inFlight() > 0) {
        Thread.onSpinWait();
      }
      h.sandbox.requests().reset();
      long started = System.nanoTime();
      PushResult push = await(h.sandbox.events().message(MessageSpec.group(chat).from(DemoTenant.ADMIN_ZHOU)
          .mentioningBot().text("digest now")));
      assertEquals(200, push.status(), push.body());
      String card = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()),
          TIMEOUT.multipliedBy(3))).currentContent().toString();
      long ms = (System.nanoTime() - started) / 1_000_000;
      // A call the sandbox's rate limiter refused (the bot's paced calls can reach it bunched on a busy machine) and
      // the bot retried counts once, as Feishu counts it.
      List<String> order = h.sandbox.requests().all().stream().filter(r -> r.path().contains("/hire/"))
          .filter(r -> r.status() == 200 && r.jsonResponse().getInteger("code", -1) == 0)
          .map(DigestStagesTest::endpoint).toList();
      Map<String, Long> calls = order.stream()
          .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
      return new Cost(calls, card, ms, order);
    }
  }

  /** The request's method and path with ids left out, and which narrowing query parameters it carried. */
  static String endpoint(RecordedRequest r) {
    String path = java.util.Arrays.stream(r.path().split("/"))
        .map(s -> s.chars().anyMatch(Character::isDigit) && !s.matches("v\\d+") ? "{id}" : s)
        .collect(Collectors.joining("/"));
    String narrowed = r.query().keySet().stream().filter(k -> k.equals("stage_id") || k.startsWith("update_"))
        .sorted().collect(Collectors.joining(","));
    return r.method() + " " + path + (narrowed.isEmpty() ? "" : "?" + narrowed);
  }

  /** A process of {@code stages} stages (interview rounds between the first three and the last three) and its jobs. */
  private static List<String> seed(BotHarness h, int stages) {
    var hire = h.sandbox.hire();
    JobProcess process = ManyHireRows.process(h, stages, stages - 6);
    List<String> ids = new ArrayList<>();
    for (int j = 0; j < JOBS; j++) {
      Job job = hire.addJob("Stages Job " + (j + 1), String.format("SJ-%03d", j + 1), process.id(),
          DemoTenant.RECRUITER_LI, DemoTenant.HM_ZHANG);
      for (int p = 0; p < PLACES.length; p++) {
        Stage stage = process.stages().get(PLACES[p] >= 0 ? PLACES[p] : stages + PLACES[p]);
        var talent = hire.addTalent("Stage Talent " + (char) ('A' + j) + (char) ('a' + p),
            String.format("1370000%02d%02d", j, p), "stage" + j + "-" + p + "@example.com");
        var a = hire.addApplication(job.id(), talent.id(), stage.id());
        if (stage.type() == Stage.OFFER || stage.type() == Stage.PENDING_ONBOARD) {
          hire.addOffer(a.id(), 2);
        }
      }
      ids.add(job.id());
    }
    return ids;
  }

  /** The chat follows every job (stored as "subscribe job" stores it). */
  private static void follow(BotHarness h, String chat, List<String> jobIds) {
    Database db = await(Database.open(h.vertx, h.config.dbUrl(), h.config.dbUser(), h.config.dbPassword()),
        BotHarness.START_TIMEOUT);
    try {
      SubscriptionStore subscriptions = new SubscriptionStore(db, Clock.systemUTC());
      for (String id : jobIds) {
        await(subscriptions.put(new SubscriptionStore.Subscription(chat, id, Set.of("new", "stage", "offer"),
            "en_us"), "test"));
      }
    } finally {
      db.close();
    }
  }
}
