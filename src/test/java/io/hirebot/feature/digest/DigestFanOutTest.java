package io.hirebot.feature.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.hire.HireTask;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.TaskBoard;
import io.hirebot.i18n.Messages;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.RecordingOwnChanges;
import io.hirebot.testing.SmallTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A digest pass composes per job, not per chat: chats following one job cost Hire what one chat costs, and each
 * still gets its own language; across replicas and repeated passes each slot is sent once. Hire is the uncached
 * {@link FakeHireDirectory}, so every read the pass makes is counted.
 */
class DigestFanOutTest {
  private static final ZoneId ZONE = SmallTenant.ZONE;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Messages MESSAGES = Messages.load();
  private static final CardTemplates TEMPLATES = CardTemplates.load(JSON, Optional.empty());

  private final Vertx vertx = Vertx.vertx();
  private final Instant now = Instant.now();
  private final Clock clock = Clock.fixed(now, ZONE);
  private Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    await(vertx.close());
  }

  /** A tenant whose Backend job has a new applicant in the period and an overdue evaluation for its recruiter. */
  private FakeHireDirectory hire() {
    FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), clock);
    var talent = hire.addTalent("Nina Newcomer", "13900000000", "nina@example.com");
    hire.addApplication(SmallTenant.BACKEND, talent, SmallTenant.SCREENING, now.minus(Duration.ofMinutes(10)));
    var alice = hire.applicationOf(hire.talent("Alice Chen"), SmallTenant.BACKEND);
    hire.addTask(SmallTenant.RECRUITER_LI, new HireTask(HireTask.Kind.EVALUATION, "task_eval_alice",
        SmallTenant.BACKEND.id(), alice.talentId(), alice.id()));
    hire.resetCalls();
    return hire;
  }

  /** Chats (id → Feishu locale) following Backend with a daily digest whose slot passed two minutes ago. */
  private DigestStore chats(Map<String, String> chats) {
    db = await(Database.open(vertx, "jdbc:h2:mem:digest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
    // Set up an hour ago, so the slot that just passed counts as due.
    Clock past = Clock.offset(clock, Duration.ofHours(-1));
    SubscriptionStore subscriptions = new SubscriptionStore(db, past);
    DigestStore setUp = new DigestStore(db, past);
    LocalTime slot = LocalTime.ofInstant(now, ZONE).minusMinutes(2).withSecond(0).withNano(0);
    chats.forEach((chat, lang) -> {
      await(subscriptions.put(new SubscriptionStore.Subscription(chat, SmallTenant.BACKEND.id(),
          Set.of("new"), lang), "test"));
      await(setUp.put(chat, EnumSet.allOf(DayOfWeek.class), slot, "", lang));
    });
    return new DigestStore(db, clock);
  }

  private DigestRoutine routine(FakeHireDirectory hire, DigestStore store, RecordingMessenger messenger) {
    DigestComposer composer = new DigestComposer(hire, new PipelineReader(hire, clock), new SubscriptionStore(db, clock),
        new DigestCard(new Cards(TEMPLATES, JSON), MESSAGES), new TaskBoard(hire), Duration.ofDays(1),
        new KnownApplications(hire, clock), new StageEntries(new RecordingOwnChanges()::of));
    return new DigestRoutine(store, composer, messenger, ZONE, UUID.randomUUID().toString(), new SimpleMeterRegistry());
  }

  /** The Hire calls made, as "operation(args)" strings with their counts. */
  private static Map<String, Long> calls(FakeHireDirectory hire) {
    return hire.calls().stream().collect(Collectors.groupingBy(c -> c.operation() + c.args(), Collectors.counting()));
  }

  @Test
  @DisplayName("two chats following one job cost Hire what one chat costs, and each gets its digest in its language")
  void oneReadPerJob() {
    FakeHireDirectory alone = hire();
    RecordingMessenger one = new RecordingMessenger();
    await(routine(alone, chats(Map.of("oc_en", "en_us")), one).run(now));
    db.close();

    FakeHireDirectory shared = hire();
    RecordingMessenger two = new RecordingMessenger();
    await(routine(shared, chats(Map.of("oc_en", "en_us", "oc_zh", "zh_cn")), two).run(now));

    assertEquals(1, one.sent(RecordingMessenger.Kind.SEND).size());
    assertEquals(calls(alone), calls(shared), "the second chat of the job made Hire calls of its own");
    assertEquals(1, shared.calls("pendingTasks").stream().filter(c -> c.args().contains(HireTask.Kind.EVALUATION)
        && c.args().contains(SmallTenant.RECRUITER_LI)).count(), "the recruiter's evaluations read once");
    var en = two.sent(RecordingMessenger.Kind.SEND).stream().filter(o -> o.target().equals("oc_en")).toList();
    var zh = two.sent(RecordingMessenger.Kind.SEND).stream().filter(o -> o.target().equals("oc_zh")).toList();
    assertEquals(1, en.size());
    assertEquals(1, zh.size());
    for (var o : List.of(en.get(0), zh.get(0))) {
      assertTrue(o.shown().contains("Nina Newcomer") && o.shown().contains("Backend Engineer"), o.shown().all());
      assertTrue(o.shown().contains("Alice Chen"), "waiting on the team names the evaluation: " + o.shown().all());
    }
    assertTrue(en.get(0).shown().title().startsWith("Hiring digest"), en.get(0).shown().title());
    assertTrue(zh.get(0).shown().title().startsWith("招聘摘要"), zh.get(0).shown().title());
  }

  /** The applications whose details a pass read (get_detail calls). */
  private static List<Object> detailsRead(FakeHireDirectory hire) {
    return hire.calls().stream().filter(c -> c.operation().startsWith("application")).map(c -> c.arg(0)).toList();
  }

  @Test
  @DisplayName("the next day's pass reads again only the details Hire changed since the pass before")
  void detailsKeptAcrossPasses() {
    FakeHireDirectory hire = hire();
    RecordingMessenger messenger = new RecordingMessenger();
    DigestRoutine routine = routine(hire, chats(Map.of("oc_en", "en_us")), messenger);
    await(routine.run(now));
    int active = hire.activeApplicationIds(SmallTenant.BACKEND.id()).result().size();
    assertEquals(active, detailsRead(hire).size(), "the first pass reads every active application");

    hire.resetCalls();
    await(routine.run(now.plus(Duration.ofDays(1))));
    assertEquals(2, messenger.sent(RecordingMessenger.Kind.SEND).size(), "the next day's digest went out");
    assertEquals(List.of(), detailsRead(hire), "nothing changed in Hire: no detail read again");

    var alice = hire.applicationOf(hire.talent("Alice Chen"), SmallTenant.BACKEND);
    String next = hire.processes().result().stream().filter(p -> p.id().equals(SmallTenant.BACKEND.processId()))
        .findFirst().orElseThrow().stages().stream().filter(st -> !st.id().equals(alice.stage().id())).findFirst()
        .orElseThrow().id();
    await(hire.transferStage(alice.id(), next));
    hire.resetCalls();
    await(routine.run(now.plus(Duration.ofDays(2))));
    assertEquals(3, messenger.sent(RecordingMessenger.Kind.SEND).size());
    assertEquals(List.of(alice.id()), detailsRead(hire), "only the application Hire changed is read again");
  }

  @Test
  @DisplayName("two replicas running the pass at once, then again, send each chat's slot once")
  void oncePerSlotAcrossReplicas() {
    FakeHireDirectory hire = hire();
    Map<String, String> chats = new java.util.TreeMap<>();
    for (int i = 0; i < 250; i++) {
      chats.put("oc_chat_" + i, i % 2 == 0 ? "en_us" : "zh_cn");
    }
    DigestStore store = chats(chats);
    RecordingMessenger messenger = new RecordingMessenger();
    DigestRoutine a = routine(hire, store, messenger);
    DigestRoutine b = routine(hire, store, messenger);
    await(Future.join(a.run(now), b.run(now)));
    await(a.run(now.plusSeconds(60)));
    await(b.run(now.plusSeconds(60)));

    Map<String, Long> perChat = messenger.sent(RecordingMessenger.Kind.SEND).stream()
        .collect(Collectors.groupingBy(RecordingMessenger.Outgoing::target, Collectors.counting()));
    assertEquals(chats.keySet(), perChat.keySet());
    assertTrue(perChat.values().stream().allMatch(n -> n == 1), "sent more than once: " + perChat);
    assertTrue(await(store.all()).stream().allMatch(s -> s.lastSent().isPresent()), "every slot marked sent");
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
