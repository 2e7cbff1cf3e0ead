package io.hirebot.feature.actions;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.DATA;
import static io.hirebot.testing.SmallTenant.INTERVIEW;
import static io.hirebot.testing.SmallTenant.OFFER;
import static io.hirebot.testing.SmallTenant.ONBOARDING;
import static io.hirebot.testing.SmallTenant.SCREENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.Toast;
import io.hirebot.hire.Application;
import io.hirebot.hire.TalentsByName;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Actions typed in words (issue 17): a confirmation card, then the candidate buttons' own path")
class TypedActionsTest {

  private static final String LI = SmallTenant.RECRUITER_LI;

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::typedActions);

  private String alice() {
    return h.hire.applicationOf(h.hire.talent("Alice Chen"), BACKEND).id();
  }

  private JsonNode confirm(Shown card, String action) {
    List<JsonNode> buttons = card.buttons(action);
    assertEquals(1, buttons.size(), "one Confirm: " + card.all());
    return buttons.get(0);
  }

  @Test
  @DisplayName("typed move: the card asks who, which job, from where and to where; nothing is written before Confirm")
  void moveAsksFirst() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");

    assertTrue(card.contains("Move **Alice Chen** (Backend Engineer) from Screening to **Interview**?"), card.all());
    assertEquals(1, card.buttons("typed.cancel").size(), card.all());
    assertEquals(SCREENING.id(), confirm(card, "move.confirm").path("stage_id").asText());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("Confirm moves the application in Hire once and answers with a short card saying who moved whom where, "
      + "with Undo, Profile and the job's list; a second click writes nothing")
  void confirmWritesOnce() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    JsonNode confirm = confirm(card, "move.confirm");

    FeatureHarness.Clicked first = h.click(confirm, LI);
    FeatureHarness.Clicked second = h.click(confirm, LI);

    List<FakeHireDirectory.Call> moves = h.hire.calls("transferStage");
    assertEquals(1, moves.size(), h.hire.calls().toString());
    assertEquals(List.of(alice(), INTERVIEW.id()), moves.get(0).args());
    assertEquals(Toast.Type.SUCCESS, first.toastType(), first.toString());
    // (on main: the job's whole list at page 1, "Alice Chen moved from Screening to Interview" on top)
    assertShort(first.card(), "Moved", "✅ **Alice Chen** (Backend Engineer) moved to **Interview** by " + by(LI));
    assertEquals(1, first.card().buttons("undo").size(), "Undo on the short card: " + first.card().all());
    assertEquals(1, h.hire.calls("transferStage").size(), "the second click: " + second);
    assertTrue(h.audit.entries().stream().anyMatch(e -> e.action().equals("click.move.confirm") && e.result().equals("ok")),
        h.audit.entries().toString());
  }

  @Test
  @DisplayName("Undo after a typed move moves the application back, as after the button, and says so in a short card")
  void undoMovesBack() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    FeatureHarness.Clicked done = h.click(confirm(card, "move.confirm"), LI);

    FeatureHarness.Clicked undone = h.click(done.card().buttons("undo").get(0), LI);

    List<FakeHireDirectory.Call> moves = h.hire.calls("transferStage");
    assertEquals(2, moves.size(), h.hire.calls().toString());
    assertEquals(List.of(alice(), SCREENING.id()), moves.get(1).args());
    assertEquals(SCREENING, h.hire.applicationOf(h.hire.talent("Alice Chen"), BACKEND).stage());
    assertEquals(Toast.Type.SUCCESS, undone.toastType(), undone.toString());
    assertShort(undone.card(), "Undone", "↩️ **Alice Chen** (Backend Engineer) moved back to **Screening** by " + by(LI));
    assertEquals(List.of(), undone.card().buttons("undo"), "nothing left to undo: " + undone.card().all());
  }

  @Test
  @DisplayName("typed reject: Confirm answers with a short card naming who rejected whom and why, the remark once, "
      + "with Undo, Profile and the job's list; its Undo restores the application and says so")
  void rejectAnsweredShort() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Bob Zhou — not enough experience");

    FeatureHarness.Clicked done = h.click(confirm(card, "reject.confirm"), LI, null, Map.of("reason", "reason_skills"));

    assertEquals(Toast.Type.SUCCESS, done.toastType(), done.toString());
    assertShort(done.card(), "Rejected", "❌ **Bob Zhou** (Backend Engineer) rejected by " + by(LI));
    assertTrue(done.card().contains(" · Skills do not match"), done.card().all());
    assertEquals(1, occurrences(shownText(done.card()), "not enough experience"), done.card().all());
    assertEquals(1, done.card().buttons("undo").size(), done.card().all());

    FeatureHarness.Clicked undone = h.click(done.card().buttons("undo").get(0), LI);

    assertEquals(1, h.hire.calls("recover").size(), h.hire.calls().toString());
    assertShort(undone.card(), "Undone", "↩️ **Bob Zhou** (Backend Engineer) restored by " + by(LI));
  }

  @Test
  @DisplayName("typed changes confirmed in Chinese: the short card is in Chinese")
  void shortCardsInChinese() {
    Shown advance = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_WANG, "推进张伟");
    Shown reject = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "淘汰Bob Zhou，经验太少");

    FeatureHarness.Clicked moved = h.click(confirm(advance, "advance"), SmallTenant.RECRUITER_WANG);
    FeatureHarness.Clicked rejected = h.click(confirm(reject, "reject.confirm"), LI, null,
        Map.of("reason", "reason_skills"));

    assertShort(moved.card(), "已转移", "✅ **张伟**（Data Scientist）已转移至**" + ONBOARDING.zhName() + "**，操作人 "
        + by(SmallTenant.RECRUITER_WANG));
    assertShort(rejected.card(), "已淘汰", "❌ **Bob Zhou**（Backend Engineer）已淘汰 · 技能不匹配，操作人 " + by(LI));
    assertTrue(rejected.card().contains("经验太少"), rejected.card().all());
    assertEquals(List.of("撤销"), rejected.card().labels("undo"), rejected.card().all());
    assertEquals(List.of("查看档案"), rejected.card().labels(io.hirebot.cards.SharedActions.PROFILE_OPEN));
    assertEquals(List.of("查看候选人"), rejected.card().labels(io.hirebot.cards.SharedActions.CANDIDATES_SHOW));
  }

  @Test
  @DisplayName("the Undo of a typed change after 10 minutes: refused, nothing written, the short card drawn again "
      + "without it")
  void undoOfATypedChangeExpires() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    FeatureHarness.Clicked done = h.click(confirm(card, "move.confirm"), LI);
    h.clock.advance(Duration.ofMinutes(11));

    FeatureHarness.Clicked late = h.click(done.card().buttons("undo").get(0), LI);

    assertEquals(Toast.Type.ERROR, late.toastType(), late.toString());
    assertTrue(late.toast().contains("10 minutes"), late.toast());
    assertEquals(1, h.hire.calls("transferStage").size(), h.hire.calls().toString());
    assertShort(late.card(), "Moved", "✅ **Alice Chen** (Backend Engineer) moved to **Interview** by " + by(LI));
    assertEquals(List.of(), late.card().buttons("undo"), late.card().all());
  }

  @Test
  @DisplayName("the Undo of a typed move after the person moved elsewhere: nothing written, a short card saying where "
      + "they are now, with no Undo left on it")
  void undoOfATypedMoveOvertaken() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    FeatureHarness.Clicked done = h.click(confirm(card, "move.confirm"), LI);
    h.hire.moveTo(alice(), OFFER, h.clock.instant());
    h.hire.resetCalls();

    FeatureHarness.Clicked undone = h.click(done.card().buttons("undo").get(0), LI);

    // (on main: the job's whole list, "Alice Chen is now in Offer … Here is the current list" on top)
    assertEquals(Toast.Type.WARNING, undone.toastType(), undone.toString());
    assertEquals("The candidate has changed since: nothing was undone.", undone.toast(), "not a refreshed list");
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
    assertShort(undone.card(), "Not undone",
        "⚠️ **Alice Chen** (Backend Engineer) has moved since and is now in **Offer**: nothing was undone.");
    assertFalse(undone.card().contains("current list"), undone.card().all());
    assertEquals(List.of(), undone.card().buttons("undo"), undone.card().all());
  }

  @Test
  @DisplayName("the Undo of a typed move after the application ended elsewhere: a short card saying it ended, in "
      + "Chinese for a change confirmed in Chinese")
  void undoOfATypedMoveEndedSinceInChinese() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "把Alice Chen推进到面试");
    FeatureHarness.Clicked done = h.click(confirm(card, "move.confirm"), LI);
    h.hire.terminated(alice());
    h.hire.resetCalls();

    FeatureHarness.Clicked undone = h.click(done.card().buttons("undo").get(0), LI);

    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
    assertShort(undone.card(), "未撤销", "⚠️ **Alice Chen**（Backend Engineer）的投递此后已终止（已淘汰或已放弃）：未撤销任何操作。");
    assertEquals(List.of(), undone.card().buttons("undo"), undone.card().all());
  }

  @Test
  @DisplayName("the Undo of a typed move overtaken, in Chinese: the stage it is in now is bold right after 当前在, with "
      + "no space before a Chinese stage name (on main: \"此后已变动，当前在 **简历筛选**\")")
  void undoOfATypedMoveOvertakenInChinese() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "把Alice Chen推进到面试");
    FeatureHarness.Clicked done = h.click(confirm(card, "move.confirm"), LI);
    h.hire.moveTo(alice(), SCREENING, h.clock.instant());

    FeatureHarness.Clicked undone = h.click(done.card().buttons("undo").get(0), LI);

    assertShort(undone.card(), "未撤销", "⚠️ **Alice Chen**（Backend Engineer）此后已变动，当前在**简历筛选**：未撤销任何操作。");
  }

  @Test
  @DisplayName("the Undo of a typed rejection restored since: recovers nothing, and the short card says it was already "
      + "restored, with no Undo left on it")
  void undoOfATypedRejectionRestoredSince() {
    JsonNode undo = rejectBobTyped();
    h.hire.recover(bob());
    h.hire.resetCalls();

    FeatureHarness.Clicked clicked = h.click(undo, LI);

    // (on main: the job's whole list, "Bob Zhou is already back in the pipeline … Here is the current list" on top)
    assertEquals("Already restored since the rejection: there is nothing to undo. Nothing changed.", clicked.toast());
    assertShort(clicked.card(), "Not undone", "⚠️ **Bob Zhou** (Backend Engineer) is already back in the pipeline, "
        + "in **Screening**: the rejection was undone or the application restored since. Nothing was changed.");
    assertEquals(List.of(), clicked.card().buttons("undo"), clicked.card().all());
    assertTrue(h.hire.calls("recover").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("the Undo of a typed rejection restored, moved and ended again since: recovers nothing, and the short "
      + "card says the application changed since, with no Undo left on it")
  void undoOfATypedRejectionChangedSince() {
    JsonNode undo = rejectBobTyped();
    h.hire.recover(bob());
    h.hire.moveTo(bob(), INTERVIEW, h.clock.instant());
    h.hire.terminated(bob());
    h.hire.resetCalls();

    FeatureHarness.Clicked clicked = h.click(undo, LI);

    assertEquals("The application has changed since the rejection: nothing changed.", clicked.toast());
    assertShort(clicked.card(), "Not undone", "⚠️ **Bob Zhou**'s application (Backend Engineer) has changed since the "
        + "rejection (restored and ended again, in Interview): nothing was undone.");
    assertEquals(List.of(), clicked.card().buttons("undo"), clicked.card().all());
    assertTrue(h.hire.calls("recover").isEmpty(), h.hire.calls().toString());
  }

  private String bob() {
    return h.hire.applicationOf(h.hire.talent("Bob Zhou"), BACKEND).id();
  }

  /** The recruiter rejects Bob Zhou in words and confirms: the Undo on the short card that answers. */
  private JsonNode rejectBobTyped() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Bob Zhou — not enough experience");
    FeatureHarness.Clicked done = h.click(confirm(card, "reject.confirm"), LI, null, Map.of("reason", "reason_skills"));
    return done.card().buttons("undo").get(0);
  }

  /**
   * A short card answering a typed change: its title and line, the person's profile and the job's list a click away,
   * and never the job's list itself.
   */
  private static void assertShort(Shown card, String title, String line) {
    assertTrue(card != null, "no card");
    assertEquals(title, card.title(), card.all());
    assertTrue(card.contains(line), line + " in " + card.all());
    assertEquals(1, card.buttons(io.hirebot.cards.SharedActions.PROFILE_OPEN).size(), card.all());
    assertEquals(1, card.buttons(io.hirebot.cards.SharedActions.CANDIDATES_SHOW).size(), card.all());
    assertFalse(card.contains(io.hirebot.cards.SharedActions.CANDIDATES_PAGE), "not the job's list: " + card.all());
  }

  /** How a card names who made a change: the person, without a ping. */
  private static String by(String openId) {
    return io.hirebot.cards.Markdown.person(openId).markdown();
  }

  /** What a reader sees on a card: its texts, not its buttons' callback values. */
  private static String shownText(Shown card) {
    return card.card().findValues("content").stream().map(JsonNode::asText)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  @DisplayName("Cancel writes nothing and says so")
  void cancelWritesNothing() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");

    FeatureHarness.Clicked cancelled = h.click(card.buttons("typed.cancel").get(0), LI);

    assertTrue(cancelled.card().contains("Nothing was changed"), cancelled.card().all());
    assertTrue(cancelled.toast().contains("nothing was changed"), cancelled.toast());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("in a group, someone who may not change the job cannot cancel another's confirmation")
  void cancelByOthersRefused() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");

    FeatureHarness.Clicked refused = h.click(card.buttons("typed.cancel").get(0), SmallTenant.INTERVIEWER_LIU);

    assertEquals(Toast.Type.ERROR, refused.toastType(), refused.toString());
    assertEquals(null, refused.card(), "the card stays");
  }

  @Test
  @DisplayName("the application moved meanwhile: Confirm refreshes with a notice and writes nothing")
  void staleWritesNothing() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    h.hire.moveTo(alice(), OFFER, h.clock.instant());
    h.hire.resetCalls();

    FeatureHarness.Clicked clicked = h.click(confirm(card, "move.confirm"), LI);

    assertEquals(Toast.Type.WARNING, clicked.toastType(), clicked.toString());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("a confirmation clicked after 10 minutes has expired: it says so, writes nothing, and the card is "
      + "replaced by one that says it expired, with no Confirm left to click")
  void expiredWritesNothing() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");
    h.clock.advance(Duration.ofMinutes(11));

    FeatureHarness.Clicked clicked = h.click(confirm(card, "move.confirm"), LI);

    assertEquals(Toast.Type.ERROR, clicked.toastType(), clicked.toString());
    assertTrue(clicked.toast().contains("expired"), clicked.toast());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
    Shown expired = clicked.card();
    assertTrue(expired != null, "the live-looking confirmation stayed: " + clicked);
    assertEquals("Confirmation expired", expired.title(), expired.all());
    assertTrue(expired.contains("**Alice Chen**") && expired.contains("nothing was changed"), expired.all());
    assertEquals(List.of(), expired.buttons("move.confirm"), expired.all());
    assertEquals(List.of(), expired.buttons("typed.cancel"), expired.all());
  }

  @Test
  @DisplayName("an expired reject confirmation (a form) in Chinese: replaced by a card saying it expired, in Chinese")
  void expiredRejectInChinese() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "淘汰Alice Chen，经验不足");
    h.clock.advance(Duration.ofMinutes(11));

    FeatureHarness.Clicked clicked = h.click(confirm(card, "reject.confirm"), LI, null,
        Map.of("reason", "reason_skills"));

    assertTrue(h.hire.calls("terminate").isEmpty(), h.hire.calls().toString());
    assertTrue(clicked.card() != null && clicked.card().title().equals("确认已过期"), clicked.toString());
    assertEquals(List.of(), clicked.card().buttons("reject.confirm"), clicked.card().all());
  }

  @Test
  @DisplayName("an interviewer typing a move gets the buttons' refusal, and no card to confirm")
  void interviewerRefused() {
    Shown answer = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.INTERVIEWER_LIU, "move Alice Chen to interview");

    assertFalse(answer.isCard(), answer.all());
    assertEquals(h.messages.get(io.hirebot.i18n.Language.EN, "access.refused.notOnTeam"), answer.text());
    assertTrue(h.hire.calls("transferStage").isEmpty());
  }

  @Test
  @DisplayName("someone else clicking the recruiter's Confirm gets the same refusal as on a row button")
  void otherClickerRefused() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Alice Chen to interview");

    FeatureHarness.Clicked clicked = h.click(confirm(card, "move.confirm"), SmallTenant.INTERVIEWER_LIU);

    assertEquals(Toast.Type.ERROR, clicked.toastType(), clicked.toString());
    assertEquals(h.messages.get(io.hirebot.i18n.Language.EN, "access.refused.notOnTeam"), clicked.toast());
    assertTrue(h.hire.calls("transferStage").isEmpty());
  }

  @Test
  @DisplayName("a person with two active applications: a button per application, each leading to its confirmation")
  void twoApplicationsAsk() {
    h.hire.addApplication(DATA, h.hire.talent("Alice Chen"), SCREENING, h.clock.instant());

    Shown choice = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "advance Alice Chen");

    List<JsonNode> buttons = choice.buttons(ActionsFeature.CHOOSE);
    assertEquals(2, buttons.size(), choice.all());
    assertTrue(choice.contains("Backend Engineer") && choice.contains("Data Scientist"), choice.all());
    assertTrue(choice.contains("“Alice Chen” has more than one active application"), choice.all());
    FeatureHarness.Clicked picked = h.click(choice.button(ActionsFeature.CHOOSE, "application_id", alice()),
        FeatureHarness.ADMIN);
    assertTrue(picked.card().contains("Move **Alice Chen** (Backend Engineer) from Screening to **Interview**"),
        picked.card().all());
    assertEquals(1, picked.card().buttons("advance").size(), picked.card().all());
    assertTrue(h.hire.calls("transferStage").isEmpty());
  }

  @Test
  @DisplayName("two different people matching the name: the choice says several candidates match it, in English and "
      + "Chinese, not that one person has several applications")
  void severalPeopleAsk() {
    h.hire.addApplication(BACKEND, h.hire.addTalent("Carol Lee", "1390000002", "carol.lee@example.com"), SCREENING,
        h.clock.instant());

    Shown choice = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "reject Carol");
    Shown zh = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "淘汰Carol");

    assertEquals(2, choice.buttons(ActionsFeature.CHOOSE).size(), choice.all());
    // (on main: "“Carol” has more than one active application")
    assertTrue(choice.contains("Several candidates match “Carol”"), choice.all());
    assertFalse(choice.contains("more than one active application"), choice.all());
    assertTrue(zh.contains("有多位候选人匹配“Carol”"), zh.all());
  }

  @Test
  @DisplayName("someone who may not change the job clicking a choice button is refused (an error, audited as refused), "
      + "and gets no card to confirm")
  void choiceRefusedToOthers() {
    h.hire.addApplication(DATA, h.hire.talent("Alice Chen"), SCREENING, h.clock.instant());
    Shown choice = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "advance Alice Chen");

    FeatureHarness.Clicked picked = h.click(choice.button(ActionsFeature.CHOOSE, "application_id", alice()),
        SmallTenant.INTERVIEWER_LIU);

    assertEquals(Toast.Type.ERROR, picked.toastType(), picked.toString());
    assertEquals(h.messages.get(io.hirebot.i18n.Language.EN, "access.refused.notOnTeam"), picked.toast());
    assertEquals(null, picked.card(), "the group's choice card stays for the one who asked");
    assertTrue(h.audit.entries().stream().anyMatch(e -> e.action().equals("click.typed.choose")
        && e.result().equals("refused")), h.audit.entries().toString());
    assertTrue(h.hire.calls("transferStage").isEmpty());
  }

  @Test
  @DisplayName("two applications, one of a job the sender may not change: only the other is offered, straight to confirm")
  void onlyChangeableApplicationsOffered() {
    h.hire.addApplication(DATA, h.hire.talent("Alice Chen"), SCREENING, h.clock.instant());

    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "advance Alice Chen");

    assertFalse(card.contains("Data Scientist"), card.all());
    assertTrue(card.contains("Move **Alice Chen** (Backend Engineer) from Screening to **Interview**"), card.all());
  }

  @Test
  @DisplayName("more people by that name than are read: the choice says how many more and to type the full name")
  void morePeopleThanShown() {
    for (String name : List.of("Amy Chen", "Ben Chen", "Cat Chen")) {
      h.hire.addApplication(BACKEND, h.hire.addTalent(name, "1390000000", name + "@example.com"), SCREENING,
          h.clock.instant());
    }

    Shown choice = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Chen");

    assertEquals(TalentsByName.PEOPLE, choice.buttons(ActionsFeature.CHOOSE).size(), choice.all());
    assertTrue(choice.contains("1 more person by that name not shown"), choice.all());
    assertTrue(h.hire.calls("terminate").isEmpty());
  }

  @Test
  @DisplayName("a stage kind the process has several of asks which stage")
  void severalStagesAsk() {
    h.hire.addProcess(new io.hirebot.hire.JobProcess("p_two", "两轮", "Two rounds", List.of(SCREENING,
        new io.hirebot.hire.Stage("s_i1", "一面", "First Interview", io.hirebot.hire.StageType.INTERVIEW),
        new io.hirebot.hire.Stage("s_i2", "二面", "Second Interview", io.hirebot.hire.StageType.INTERVIEW))));
    var job = h.hire.addJob(new io.hirebot.hire.Job("job_two", "TW-001", "Two Rounds", "p_two", true),
        new io.hirebot.hire.JobTeam("job_two", LI, List.of(), List.of()));
    h.hire.addApplication(job, h.hire.addTalent("Eve Lin", "1390000001", "eve@example.com"), SCREENING,
        h.clock.instant());

    Shown choice = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Eve Lin to interview");
    assertEquals(2, choice.buttons(ActionsFeature.CHOOSE).size(), choice.all());

    Shown ranked = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Eve Lin to 2nd round");
    assertTrue(ranked.contains("to **Second Interview**?"), ranked.all());
  }

  @Test
  @DisplayName("typed reject: a form with Hire's reasons and the remark; Confirm terminates once with both")
  void rejectWithRemark() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Bob Zhou — not enough experience");
    assertTrue(card.contains("Skills do not match"), card.all());
    assertTrue(card.contains("not enough experience"), card.all());
    assertTrue(h.hire.calls("terminate").isEmpty());

    JsonNode confirm = confirm(card, "reject.confirm");
    h.click(confirm, LI, null, Map.of("reason", "reason_skills"));
    h.click(confirm, LI, null, Map.of("reason", "reason_skills"));

    List<FakeHireDirectory.Call> terminations = h.hire.calls("terminate");
    assertEquals(1, terminations.size(), h.hire.calls().toString());
    assertEquals("not enough experience", terminations.get(0).arg(3));
  }

  @Test
  @DisplayName("a remark naming one of Hire's reasons preselects it: Confirm without touching the select terminates with it")
  void remarkPreselectsReason() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "淘汰Bob Zhou：技能不匹配");
    assertEquals("reason_skills", card.card().findValue("initial_option").asText(), card.all());

    h.click(confirm(card, "reject.confirm"), LI);

    List<FakeHireDirectory.Call> terminations = h.hire.calls("terminate");
    assertEquals(1, terminations.size(), h.hire.calls().toString());
    assertEquals(List.of("reason_skills"), terminations.get(0).arg(2));
  }

  @Test
  @DisplayName("a tenant with 400 reasons to reject with: the typed reject's confirmation fits Feishu's limits, offering "
      + "Hire's first 50 and the one the remark names (preselected, in Hire's order); Confirm terminates with that one")
  void manyReasonsKeepTheNamedOne() {
    // GIVEN Hire has 400 more reasons, and the remark names the 301st of them
    SmallTenant.addManyReasons(h.hire, 400);

    // WHEN the recruiter types the rejection
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Bob Zhou — " + SmallTenant.manyReasonName(300));

    // THEN the confirmation is one Feishu takes, offering the first 49 and the named one, which it preselects (on main:
    // 45,622 B and 815 elements; the render refused it and the bot answered its internal-error line instead)
    assertTrue(card.isCard(), card.all());
    CardValidator.validate(card.card().toString(), card.card());
    List<String> offered = new java.util.ArrayList<>();
    card.card().findValue("options").forEach(o -> offered.add(o.path("value").asText()));
    assertEquals(50, offered.size(), offered.toString());
    assertEquals(SmallTenant.manyReasonId(47), offered.get(48));
    assertEquals(SmallTenant.manyReasonId(300), offered.get(49));
    assertEquals(SmallTenant.manyReasonId(300), card.card().findValue("initial_option").asText(), card.all());
    assertTrue(card.contains("50 of Hire's 401 reasons"), card.all());

    // WHEN Confirm is clicked without touching the select THEN Hire records the named reason
    h.click(confirm(card, "reject.confirm"), LI);
    List<FakeHireDirectory.Call> terminations = h.hire.calls("terminate");
    assertEquals(1, terminations.size(), h.hire.calls().toString());
    assertEquals(List.of(SmallTenant.manyReasonId(300)), terminations.get(0).arg(2));
  }

  @Test
  @DisplayName("a remark that only names one of Hire's reasons is that reason: the confirmation and its answer show it "
      + "once, in the select and in the line, not again as a quoted note")
  void remarkNamingTheReasonShownOnce() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "淘汰Bob Zhou：技能不匹配");

    FeatureHarness.Clicked done = h.click(confirm(card, "reject.confirm"), LI);

    // (on main: quoted as the remark under the select that names it, and under the "rejected (技能不匹配)" line)
    assertEquals(1, occurrences(shownText(card), "技能不匹配"), card.all());
    assertTrue(done.card().contains("已淘汰 · 技能不匹配"), done.card().all());
    assertEquals(1, occurrences(shownText(done.card()), "技能不匹配"), done.card().all());
  }

  @Test
  @DisplayName("typed note in Chinese: Confirm writes the note as the clicker, with the text as typed")
  void noteInChinese() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_WANG, "给张伟备注：系统设计很强");
    assertTrue(card.contains("系统设计很强"), card.all());
    assertTrue(h.hire.notesWritten().isEmpty());

    h.click(confirm(card, "note.submit"), SmallTenant.RECRUITER_WANG);

    assertEquals(1, h.hire.notesWritten().size());
    assertEquals("系统设计很强", h.hire.notesWritten().get(0).content());
  }

  @Test
  @DisplayName("推进张伟: from Offer to the next stage, confirmed in Chinese")
  void advanceInChinese() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_WANG, "推进张伟");
    assertTrue(card.contains(OFFER.zhName()) && card.contains(ONBOARDING.zhName()), card.all());

    h.click(confirm(card, "advance"), SmallTenant.RECRUITER_WANG);

    Application zhang = h.hire.applicationOf(h.hire.talent("张伟"), DATA);
    assertEquals(ONBOARDING, zhang.stage());
  }

  @Test
  @DisplayName("nobody by that name: a short answer, nothing to confirm")
  void nobody() {
    Shown answer = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Nobody Here");
    assertFalse(answer.isCard(), answer.all());
    assertTrue(answer.text().contains("Nobody Here"), answer.text());
  }

  @Test
  @DisplayName("a change naming the job is narrowed to that job's application: straight to its confirmation, "
      + "in English and Chinese, by title words or code")
  void namingTheJobNarrows() {
    h.hire.addApplication(DATA, h.hire.talent("Alice Chen"), SCREENING, h.clock.instant());
    h.withLexicon(); // as the app reads messages: "后端" is Backend Engineer's concept

    for (String typed : List.of("advance Alice Chen for backend", "move Alice Chen to interview for Backend Engineer",
        "reject Alice Chen for BE-001", "把Alice Chen的后端申请推进到面试")) {
      Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, typed);
      assertTrue(card.isCard() && card.buttons(ActionsFeature.CHOOSE).isEmpty(), typed + ": " + card.all());
      assertTrue(card.contains("Backend Engineer") && !card.contains("Data Scientist"), typed + ": " + card.all());
      assertEquals(1, card.buttons("typed.cancel").size(), typed + ": " + card.all());
    }
    Shown data = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "advance Alice Chen for data scientist");
    assertTrue(data.contains("(Data Scientist)") && !data.contains("Backend Engineer"), data.all());
    assertTrue(h.hire.calls("transferStage").isEmpty() && h.hire.calls("terminate").isEmpty(),
        h.hire.calls().toString());
  }

  @Test
  @DisplayName("a change naming a job no one has, or one the person did not apply to: a short answer, nothing to confirm")
  void namingAnotherJobRefused() {
    Shown unknown = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Alice Chen for astronaut");
    assertFalse(unknown.isCard(), unknown.all());
    assertTrue(unknown.text().contains("astronaut"), unknown.text());

    Shown notApplied = h.inGroup(FeatureHarness.TEAM_CHAT, FeatureHarness.ADMIN, "reject Alice Chen for Data Scientist");
    assertFalse(notApplied.isCard(), notApplied.all());
    assertTrue(notApplied.text().contains("Alice Chen") && notApplied.text().contains("Data Scientist"),
        notApplied.text());
    assertTrue(h.hire.calls("terminate").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("reject, move or advance typed about a hire: answered at once that Hire takes no such change of an "
      + "onboarded hire, with nothing to confirm; a note still asks to confirm; in Chinese too")
  void changesOfAHireAnsweredAtOnce() {
    // GIVEN Owen Hu, onboarded on Ops Engineer (recruiter Li)
    SmallTenant.addOpsWithHire(h.hire, h.clock);

    Shown reject = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "reject Owen Hu");
    Shown move = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Owen Hu to screening");
    Shown advance = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "advance Owen Hu");
    Shown zh = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "淘汰Owen Hu");
    Shown note = h.inGroup(FeatureHarness.TEAM_CHAT, LI, "note on Owen Hu: settled in well");

    // THEN (on main: a reject confirmation whose Confirm Hire refuses with 1002205, and a move confirmation likewise)
    assertFalse(reject.isCard(), reject.all());
    assertTrue(reject.contains("Owen Hu has already joined (Ops Engineer): Feishu Hire does not let an onboarded hire "
        + "be rejected."), reject.all());
    for (Shown moved : List.of(move, advance)) {
      assertFalse(moved.isCard(), moved.all());
      assertTrue(moved.contains("Owen Hu has already joined (Ops Engineer): Feishu Hire does not move an onboarded "
          + "hire to another stage."), moved.all());
    }
    assertTrue(zh.contains("Owen Hu 已入职（Ops Engineer）：飞书招聘不允许淘汰已入职的人"), zh.all());
    assertEquals(1, note.buttons("note.submit").size(), note.all());
    assertTrue(h.hire.calls("terminate").isEmpty() && h.hire.calls("transferStage").isEmpty());
  }
}
