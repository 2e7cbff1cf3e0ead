package io.hirebot.feature.subscriptions;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.hire.Application;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.HeldNotifications;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.SmallTenant;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The new-application poll reads through the details the digest keeps between passes ({@link KnownApplications}). */
class NewApplicationsPollerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Messages MESSAGES = Messages.load();
  private static final CardTemplates TEMPLATES = CardTemplates.load(JSON, Optional.empty());

  @RegisterExtension
  final MemoryDatabase memory = new MemoryDatabase();
  private final MutableClock clock = MutableClock.atNow();
  private final FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), clock);
  private final KnownApplications known = new KnownApplications(hire, clock);
  private final RecordingMessenger messenger = new RecordingMessenger();

  private NewApplicationsPoller poller() {
    var db = memory.db;
    FanOut fanOut = new FanOut(messenger, new QuietHours(new ChatSettingsStore(db, clock), clock, SmallTenant.ZONE),
        new HeldNotifications(db, clock), chatId -> Future.succeededFuture());
    return new NewApplicationsPoller(hire, new PipelineReader(hire, clock), new SubscriptionStore(db, clock),
        new PollCursors(db, clock), new PollSeen(db, clock), new NotificationCard(new Cards(TEMPLATES, JSON), MESSAGES,
            new io.hirebot.i18n.DateTexts(SmallTenant.ZONE, clock), clock),
        fanOut, Duration.ofMinutes(5), clock, known);
  }

  @Test
  @DisplayName("a new application the poll read is not read again by the digest's next pass, only checked for changes")
  void pollSharesTheDigestsReads() {
    // GIVEN a chat following Backend Engineer's new applications, and a first poll that saw the pipeline
    await(new SubscriptionStore(memory.db, clock).put(new SubscriptionStore.Subscription("oc_team",
        SmallTenant.BACKEND.id(), Set.of(NewApplicationsPoller.KIND), "en_us"), SmallTenant.RECRUITER_LI));
    NewApplicationsPoller poller = poller();
    await(poller.run(clock.instant()));

    // WHEN someone applies and the next poll, five minutes later, reports it
    Application dora = hire.addApplication(SmallTenant.BACKEND, hire.addTalent("Dora New", "13900000009",
        "dora@example.com"), SmallTenant.SCREENING, clock.instant().plusSeconds(1));
    clock.advance(Duration.ofMinutes(5));
    hire.resetCalls();
    await(poller.run(clock.instant()));
    assertEquals(1, hire.calls("application").size(), "the poll read Dora's detail: " + hire.calls());
    assertEquals(1, messenger.sent().size(), "and reported her: " + messenger.sent());
    hire.resetCalls();

    // THEN the digest's pass an hour later, asking for the job's applications, finds her detail kept: Hire is only
    // asked what changed since (on main the poll kept nothing and the digest read her detail again)
    clock.advance(Duration.ofHours(1));
    List<Application> current = await(known.current(SmallTenant.BACKEND.id(), List.of(dora.id())));
    assertEquals(List.of(dora.id()), current.stream().map(Application::id).toList());
    assertEquals(List.of("activeApplicationIdsUpdatedSince"),
        hire.calls().stream().map(FakeHireDirectory.Call::operation).toList());
  }
}
