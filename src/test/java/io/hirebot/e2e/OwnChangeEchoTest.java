package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change made through the bot in a chat that follows the job is answered there by the card it was made on (who did
 * what, with Undo); the chat is not sent a second, separate notification of its own change. Every other chat that
 * follows the job gets that notification once, and a change made in Feishu Hire itself still reaches every chat.
 */
class OwnChangeEchoTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String BACKEND = ImState.DEMO_BACKEND_CHAT;
  private static final String PRIVATE = ImState.p2pChatId(RECRUITER);

  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();
  private Job job;
  private List<Stage> stages;

  @BeforeEach
  void start() {
    h.enableGroup(BACKEND);
    job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    stages = h.sandbox.hire().stagesOf(job.id());
  }

  @Test
  @DisplayName("Advance and its Undo clicked in a group that follows the job: the group's card says so, and only the "
      + "other following group is notified, once each; a move made in Hire reaches both")
  void groupClick() {
    Application a = newCandidate("Echo Groupclick");
    follow(TEAM, groupSpec(TEAM));
    follow(BACKEND, groupSpec(BACKEND));
    SentMessage list = h.ask(groupSpec(TEAM).text("candidates for BE-001"));

    // WHEN the recruiter advances the candidate on the group's card, then undoes it
    PushResult advanced = click(list, "advance", a);
    assertEquals("success", toastType(advanced), advanced.body());
    awaitNotifications(BACKEND, "Echo Groupclick", 1);
    PushResult undone = click(list, "undo", a);
    assertEquals("success", toastType(undone), undone.body());
    awaitNotifications(BACKEND, "Echo Groupclick", 2);

    // AND someone then moves the candidate in Feishu Hire itself
    movedInHire(a);

    // THEN that move reaches both groups; the group the clicks came from got nothing else
    awaitNotifications(TEAM, "Echo Groupclick", 1);
    awaitNotifications(BACKEND, "Echo Groupclick", 3);
    assertEquals(List.of(stages.get(2).enName()), stagesNotified(TEAM, "Echo Groupclick"),
        "the group where Advance and Undo were clicked is told only of the move made in Hire");
    assertEquals(3, notifications(BACKEND, "Echo Groupclick").size());
  }

  @Test
  @DisplayName("Advance clicked in a private chat that follows the job: the group that follows it is notified, the "
      + "private chat is not")
  void privateClick() {
    Application a = newCandidate("Echo Privateclick");
    follow(PRIVATE, MessageSpec.p2p(RECRUITER));
    follow(TEAM, groupSpec(TEAM));
    SentMessage list = h.ask(MessageSpec.p2p(RECRUITER).text("candidates for BE-001"));

    PushResult advanced = click(list, "advance", a);
    assertEquals("success", toastType(advanced), advanced.body());
    awaitNotifications(TEAM, "Echo Privateclick", 1);
    movedInHire(a);

    awaitNotifications(PRIVATE, "Echo Privateclick", 1);
    awaitNotifications(TEAM, "Echo Privateclick", 2);
    assertEquals(List.of(stages.get(2).enName()), stagesNotified(PRIVATE, "Echo Privateclick"),
        "the private chat is told only of the move made in Hire");
  }

  @Test
  @DisplayName("a move typed in a group that follows the job and confirmed there: only the other following group is "
      + "notified")
  void typedMove() {
    Application a = newCandidate("Echo Typedmove");
    follow(TEAM, groupSpec(TEAM));
    follow(BACKEND, groupSpec(BACKEND));
    Stage to = stages.get(1);
    SentMessage confirmation = h.ask(groupSpec(TEAM).text("move Echo Typedmove to " + to.enName()));

    PushResult confirmed = await(h.sandbox.events().cardAction(CardActionSpec.on(confirmation.messageId()).by(RECRUITER)
        .tag("button").value(valueOf(confirmation.currentContent().toString(), "move.confirm", a))));
    assertEquals("success", toastType(confirmed), confirmed.body());
    assertEquals(to.id(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
    awaitNotifications(BACKEND, "Echo Typedmove", 1);
    movedInHire(a);

    awaitNotifications(TEAM, "Echo Typedmove", 1);
    awaitNotifications(BACKEND, "Echo Typedmove", 2);
    assertEquals(List.of(stages.get(2).enName()), stagesNotified(TEAM, "Echo Typedmove"),
        "the group where the move was confirmed is told only of the move made in Hire");
  }

  private static MessageSpec groupSpec(String chat) {
    return MessageSpec.group(chat).from(RECRUITER).mentioningBot();
  }

  /** A candidate of BE-001 in its first stage, with a name no other card or notification carries. */
  private Application newCandidate(String name) {
    Talent t = h.sandbox.hire().addTalent(name, null, null);
    return h.sandbox.hire().addApplication(job.id(), t.id(), stages.get(0).id());
  }

  private void follow(String chat, MessageSpec spec) {
    SentMessage answer = h.ask(spec.text("subscribe job BE-001"));
    assertTrue(answer.currentContent().toString().contains("Backend Engineer"), chat + ": " + answer.currentContent());
  }

  /** Someone moves the application in Feishu Hire itself, to the job's third stage; Hire fires its event. */
  private void movedInHire(Application a) {
    h.sandbox.hire().moveApplication(a.id(), stages.get(2).id());
  }

  private PushResult click(SentMessage card, String action, Application a) {
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("button")
        .value(valueOf(shown, action, a))));
  }

  private static String toastType(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", "");
  }

  private static JsonObject valueOf(String card, String action, Application a) {
    return ButtonValues.only(card, action, a.id());
  }

  /** The notifications in the chat naming the person: the cards the bot sent there on its own, not as an answer. */
  private List<SentMessage> notifications(String chat, String name) {
    return h.sandbox.im().inChat(chat).stream()
        .filter(m -> m.parentId() == null && "interactive".equals(m.msgType())
            && m.currentContent().toString().contains(name))
        .toList();
  }

  /** The stage each notification of the person in the chat says they are in now, in the order they came. */
  private List<String> stagesNotified(String chat, String name) {
    return notifications(chat, name).stream().map(m -> stages.stream()
        .filter(s -> m.currentContent().toString().contains("**" + s.enName() + "**"))
        .map(Stage::enName).reduce((x, y) -> x + "|" + y).orElse(m.currentContent().toString())).toList();
  }

  private void awaitNotifications(String chat, String name, int count) {
    await(h.sandbox.im().awaitMessage(m -> notifications(chat, name).size() >= count, TIMEOUT));
  }
}
