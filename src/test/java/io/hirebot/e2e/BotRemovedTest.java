package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.schedule.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A group removes the bot (Feishu pushes im.chat.member.bot.deleted_v1, and every later send to the chat is refused
 * with 230002): what the chat followed ends there, so notifications and digests stop trying it and keep reaching
 * the chats that still have the bot.
 */
class BotRemovedTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String BACKEND = ImState.DEMO_BACKEND_CHAT;
  private static final String ADMIN = "ou_admin_zhou";
  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  private String say(String chat, String text) {
    return DigestTest.say(h, chat, text);
  }

  /** Moves an active application of the job to another stage (the sandbox pushes stage_changed_v1); its talent's name. */
  private String moveOne(String jobCode, int nth) {
    Job job = h.sandbox.hire().jobByCode(jobCode).orElseThrow();
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active).skip(nth)
        .findFirst().orElseThrow();
    List<Stage> stages = h.sandbox.hire().stagesOf(a.jobId());
    Stage target = stages.stream().filter(s -> !s.id().equals(a.stageId()) && s.type() != 7).findFirst().orElseThrow();
    h.sandbox.hire().moveApplication(a.id(), target.id());
    return h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
  }

  private long subscriptionsOf(String chat) {
    return h.inDatabase(c -> {
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM subscriptions WHERE chat_id = ?")) {
        q.setString(1, chat);
        try (var r = q.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  /** Every send the bot attempted into {@code chat}, refused or not. */
  private long sendsInto(String chat) {
    return h.sandbox.requests().matching("POST", "/open-apis/im/v1/messages").stream()
        .filter(r -> chat.equals(r.jsonBody().getString("receive_id"))).count();
  }

  @Test
  @DisplayName("after the bot is removed from a group, nothing more is sent there; other chats still get theirs")
  void removedGroupIsLeftAlone() throws Exception {
    h.enableGroup(BACKEND);
    assertTrue(say(TEAM, "subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(say(BACKEND, "subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(DigestTest.scheduleAhead(h, clock, TEAM, Duration.ofMinutes(2)).contains("Digest set"));

    PushResult removed = await(h.sandbox.events().botRemoved(TEAM, ADMIN));
    assertEquals(200, removed.status(), removed.body());
    // The 200 only says the event was claimed; the bot ends the chat's subscriptions after it. Stage changes pushed
    // before that may rightly still be announced there (Feishu keeps no order between events), so wait for it.
    assertTrue(io.hirebot.testing.Eventually.holds(() -> subscriptionsOf(TEAM) == 0, 20),
        "the removal ended the chat's subscriptions");
    long before = sendsInto(TEAM);

    // Two stage changes one after the other: when the second one's card is in BACKEND, the first fan-out is over.
    moveOne("BE-001", 0);
    String second = moveOne("BE-001", 1);
    await(h.sandbox.im().awaitMessage(m -> BACKEND.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(second), TIMEOUT));
    clock.advance(Duration.ofMinutes(3));
    h.runRoutines(h.bot);

    assertEquals(before, sendsInto(TEAM), "no notification or digest was sent into the chat the bot left");
    // Added back, the group starts afresh: nothing it followed before.
    await(h.sandbox.events().botAdded(TEAM, ADMIN));
    String list = say(TEAM, "subscriptions");
    assertTrue(list.contains("Following no job"), list);
  }

  /** Sends into {@code chat} naming {@code text} that Feishu accepted (a re-send with the same uuid counts again). */
  private long acceptedSendsInto(String chat, String text) {
    return DigestTest.sendsTo(h, chat, text).size();
  }

  @Test
  @DisplayName("a group that dropped the bot unnoticed (event not subscribed) does not make the others' notifications retry")
  void goneWithoutEvent() throws Exception {
    h.enableGroup(BACKEND);
    assertTrue(say(TEAM, "subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(say(BACKEND, "subscribe job BE-001").contains("Backend Engineer"));
    // Feishu takes the bot out; the app did not subscribe to bot.deleted_v1, so the first sign is a 230002.
    h.sandbox.im().removeChat(TEAM);

    String first = moveOne("BE-001", 0);
    await(h.sandbox.im().awaitMessage(m -> BACKEND.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(first), TIMEOUT));
    // The two sends run side by side: BACKEND's card can arrive before TEAM's refusal has ended its subscriptions,
    // and a change notified in that moment rightly tries TEAM once more. What is asserted is that the refusal ends
    // them, so wait for that before the next change.
    assertTrue(io.hirebot.testing.Eventually.holds(() -> subscriptionsOf(TEAM) == 0, 20),
        "the refusal ended the chat's subscriptions");
    // A barrier: when the second change's card is in BACKEND, the first event's outcome is long recorded.
    String second = moveOne("BE-001", 1);
    await(h.sandbox.im().awaitMessage(m -> BACKEND.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(second), TIMEOUT));

    // A failed event would be tried again (1, 5, 25 min later), re-sending to every subscribed chat.
    assertEquals(0.0, h.registry.counter("hirebot.events.failed").count(), "no stage change failed");
    assertEquals(1, acceptedSendsInto(BACKEND, first));
    assertEquals(1, sendsInto(TEAM), "one refused try, then the chat's subscriptions ended");
  }
}
