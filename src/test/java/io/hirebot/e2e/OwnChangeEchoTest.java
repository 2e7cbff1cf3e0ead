package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.hirebot.sandbox.hire.TerminationReason;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change made through the bot in a chat that follows the job is answered there by the card it was made on (who did
 * what, with Undo); the chat is not sent a second, separate notification of its own change. Every other chat that
 * follows the job gets that notification once, and a change made in Feishu Hire itself still reaches every chat. A
 * rejection and its Undo, for which Hire fires no event, are announced the same way by the bot itself.
 */
class OwnChangeEchoTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String BACKEND = ImState.DEMO_BACKEND_CHAT;
  private static final String PRIVATE = ImState.p2pChatId(RECRUITER);
  private static final String REJECTED = "rejected";
  private static final String RESTORED = "restored";

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
    assertEquals(List.of(stages.get(2).enName()), changesNotified(TEAM, "Echo Groupclick"),
        "the group where Advance and Undo were clicked is told only of the move made in Hire");
    assertEquals(3, notifications(BACKEND, "Echo Groupclick").size());
  }

  @Test
  @DisplayName("the other chat's notices of a move made through the bot say who moved the candidate, and of its Undo "
      + "that it was moved back with Undo, in both languages; a move made in Hire names no one, as Hire's event does not")
  void noticesNameTheMover() {
    Application a = newCandidate("Echo Namesmover");
    follow(TEAM, groupSpec(TEAM));
    follow(BACKEND, groupSpec(BACKEND));
    SentMessage list = h.ask(groupSpec(TEAM).text("candidates for BE-001"));

    // WHEN the recruiter advances the candidate on the group's card and undoes it, then someone moves it in Hire
    assertEquals("success", toastType(click(list, "advance", a)));
    awaitNotifications(BACKEND, "Echo Namesmover", 1);
    assertEquals("success", toastType(click(list, "undo", a)));
    awaitNotifications(BACKEND, "Echo Namesmover", 2);
    movedInHire(a);
    awaitNotifications(BACKEND, "Echo Namesmover", 3);

    // THEN the other group read who moved the candidate, and that the move back was an Undo, in each language
    List<String> cards = notifications(BACKEND, "Echo Namesmover").stream()
        .map(m -> m.currentContent().toString()).toList();
    String by = "<person id=" + RECRUITER + " show_name=true show_avatar=false style=normal></person>";
    String first = stages.get(0).enName();
    String second = stages.get(1).enName();
    assertTrue(cards.get(0).contains("moved from " + first + " to **" + second + "** by " + by)
        && cards.get(0).contains("已由 " + by + " 从" + stages.get(0).zhName() + "转移至**"
            + stages.get(1).zhName() + "**"), cards.get(0));
    assertTrue(cards.get(1).contains("moved back from " + second + " to **" + first + "** by " + by + " with Undo")
        && cards.get(1).contains("已由 " + by + " 撤销移回，从" + stages.get(1).zhName() + "回到**"
            + stages.get(0).zhName() + "**"), cards.get(1));
    // AND the move made in Hire itself reads as Hire reports it: no one named, no Undo
    assertTrue(cards.get(2).contains("moved from " + first + " to **" + stages.get(2).enName() + "**.")
        && !cards.get(2).contains("<person id=") && !cards.get(2).contains("Undo"), cards.get(2));
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
    assertEquals(List.of(stages.get(2).enName()), changesNotified(PRIVATE, "Echo Privateclick"),
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
    assertEquals(List.of(stages.get(2).enName()), changesNotified(TEAM, "Echo Typedmove"),
        "the group where the move was confirmed is told only of the move made in Hire");
  }

  @Test
  @DisplayName("Reject and its Undo clicked in a group that follows the job: the private chat that follows it is told "
      + "of each once, by whom and why, the group of neither; a move made in Hire then reaches both")
  void rejectionAndUndoInAGroup() {
    Application a = newCandidate("Echo Groupreject");
    follow(TEAM, groupSpec(TEAM));
    follow(PRIVATE, MessageSpec.p2p(RECRUITER));
    SentMessage list = h.ask(groupSpec(TEAM).text("candidates for BE-001"));

    // WHEN the recruiter rejects the candidate from the group's card (the one-person form), then undoes it
    PushResult rejected = Rejections.fromRow(h, list, a.id(), RECRUITER);
    assertEquals("success", toastType(rejected), rejected.body());
    assertFalse(h.sandbox.hire().application(a.id()).orElseThrow().active());
    awaitNotifications(PRIVATE, "Echo Groupreject", 1);
    PushResult undone = click(list, "undo", a);
    assertEquals("success", toastType(undone), undone.body());
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active());
    awaitNotifications(PRIVATE, "Echo Groupreject", 2);
    movedInHire(a);

    // THEN the private chat was told of the rejection, the restore and the move, once each; the group of the move only
    awaitNotifications(TEAM, "Echo Groupreject", 1);
    awaitNotifications(PRIVATE, "Echo Groupreject", 3);
    assertEquals(List.of(stages.get(2).enName()), changesNotified(TEAM, "Echo Groupreject"),
        "the group where Reject and Undo were clicked is told only of the move made in Hire");
    assertEquals(List.of(REJECTED, RESTORED, stages.get(2).enName()), changesNotified(PRIVATE, "Echo Groupreject"));
    // AND the rejection says who and why in both languages
    String rejection = notifications(PRIVATE, "Echo Groupreject").get(0).currentContent().toString();
    TerminationReason reason = Rejections.reason(h);
    assertTrue(rejection.contains("<person id=" + RECRUITER + " ") && rejection.contains(reason.enName())
        && rejection.contains(reason.zhName()) && rejection.contains("已淘汰") && rejection.contains("Backend Engineer"),
        rejection);
  }

  @Test
  @DisplayName("a rejection typed in a private chat that follows the job, confirmed there, and its Undo: the group "
      + "that follows the job is told of each once, the private chat of neither")
  void typedRejectionInPrivate() {
    Application a = newCandidate("Echo Typedreject");
    follow(PRIVATE, MessageSpec.p2p(RECRUITER));
    follow(TEAM, groupSpec(TEAM));
    SentMessage confirmation = h.ask(MessageSpec.p2p(RECRUITER).text("reject Echo Typedreject"));

    PushResult confirmed = Rejections.typed(h, confirmation, a.id(), RECRUITER);
    assertEquals("success", toastType(confirmed), confirmed.body());
    awaitNotifications(TEAM, "Echo Typedreject", 1);
    PushResult undone = click(confirmation, "undo", a);
    assertEquals("success", toastType(undone), undone.body());
    awaitNotifications(TEAM, "Echo Typedreject", 2);
    movedInHire(a);

    awaitNotifications(PRIVATE, "Echo Typedreject", 1);
    awaitNotifications(TEAM, "Echo Typedreject", 3);
    assertEquals(List.of(stages.get(2).enName()), changesNotified(PRIVATE, "Echo Typedreject"),
        "the private chat is told only of the move made in Hire");
    assertEquals(List.of(REJECTED, RESTORED, stages.get(2).enName()), changesNotified(TEAM, "Echo Typedreject"));
  }

  @Test
  @DisplayName("a rejection Hire refuses is announced to no chat")
  void refusedRejection() {
    Application a = newCandidate("Echo Refusedreject");
    follow(TEAM, groupSpec(TEAM));
    follow(PRIVATE, MessageSpec.p2p(RECRUITER));
    SentMessage list = h.ask(groupSpec(TEAM).text("candidates for BE-001"));

    // WHEN Hire refuses the terminate call, and then someone moves the candidate in Hire
    h.sandbox.faults().failNext("POST", "/open-apis/hire/v1/applications/[^/]+/terminate", 400, 1002205,
        "the application cannot be terminated");
    PushResult refused = Rejections.fromRow(h, list, a.id(), RECRUITER);
    assertEquals("error", toastType(refused), refused.body());
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active(), "Hire refused it");
    movedInHire(a);

    // THEN each chat is told of the move only
    awaitNotifications(TEAM, "Echo Refusedreject", 1);
    awaitNotifications(PRIVATE, "Echo Refusedreject", 1);
    assertEquals(List.of(stages.get(2).enName()), changesNotified(TEAM, "Echo Refusedreject"));
    assertEquals(List.of(stages.get(2).enName()), changesNotified(PRIVATE, "Echo Refusedreject"));
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

  /**
   * What each notification of the person in the chat says happened, in the order they came: the stage they are in
   * now, {@link #REJECTED} or {@link #RESTORED}.
   */
  private List<String> changesNotified(String chat, String name) {
    return notifications(chat, name).stream().map(m -> m.currentContent().toString()).map(card ->
        card.contains(" rejected by ") ? REJECTED : card.contains(" restored by ") ? RESTORED : stages.stream()
            .filter(s -> card.contains("**" + s.enName() + "**"))
            .map(Stage::enName).reduce((x, y) -> x + "|" + y).orElse(card)).toList();
  }

  private void awaitNotifications(String chat, String name, int count) {
    await(h.sandbox.im().awaitMessage(m -> notifications(chat, name).size() >= count, TIMEOUT));
  }
}
