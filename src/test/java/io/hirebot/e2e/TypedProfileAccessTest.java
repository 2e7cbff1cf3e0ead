package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A profile typed ("candidate NAME", "张伟的简历") and a profile opened by a card's Profile button follow one access
 * rule (the exploratory pass: the interviewer Emily Brown opened a candidate from her interviews card, but typing the
 * same name was refused). Privately, someone Hire knows only as an interviewer sees the profiles of the candidates
 * Hire involves them with (an interview they hold, a task of theirs), by either path, and the same refusal for anyone
 * else's, by either path; a stranger is refused alike both ways.
 */
class TypedProfileAccessTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String BROWN = DemoTenant.INTERVIEWER_BROWN;
  /** Other interviewers (each test's asker is its own: a burst of one person's commands is slowed down). */
  private static final String LIU = DemoTenant.INTERVIEWER_LIU;
  private static final String ZHAO = DemoTenant.INTERVIEWER_ZHAO;
  /** Interviewed by Emily Brown and 刘洋 tomorrow: a row with a Profile button on their private schedules. */
  private static final String HERS = "Typed Interviewee";
  /** Applied to the same job; none of the interviewers has anything to do with them. */
  private static final String NOT_HERS = "Typed Stranger";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static Talent hers;
  private static Talent notHers;

  @BeforeAll
  static void seed() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    String interview = hire.stagesOf(backend.id()).stream().filter(s -> s.type() == Stage.INTERVIEW).findFirst()
        .orElseThrow().id();
    long tomorrow = LocalDate.now(ZONE).plusDays(1).atTime(16, 0).atZone(ZONE).toInstant().toEpochMilli();
    hers = hire.addTalent(HERS, "13677720001", "typed.interviewee@example.com");
    Application a = hire.addApplication(backend.id(), hers.id(), interview);
    hire.addInterview(a.id(), tomorrow, BROWN, LIU);
    notHers = hire.addTalent(NOT_HERS, "13677720002", "typed.stranger@example.com");
    hire.addApplication(backend.id(), notHers.id(), interview);
  }

  private static SentMessage privately(String who, String text) {
    return h.ask(MessageSpec.p2p(who).text(text));
  }

  private static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }

  /** A Profile button's value naming {@code talent}, as every card's Profile button carries it. */
  private static JsonObject profileButton(Talent talent) {
    return new JsonObject().put("action", "profile").put("talent_id", talent.id()).put("name", talent.name());
  }

  /** {@code who} clicks a Profile button naming {@code talent} on {@code card}, a card in their private chat. */
  private static PushResult click(SentMessage card, String who, Talent talent) {
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(who).tag("button")
        .value(profileButton(talent))));
    assertEquals(200, r.status(), r.body());
    return r;
  }

  private static JsonObject toast(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject());
  }

  @Test
  @DisplayName("an interviewer's schedule offers a Profile button that opens the profile of a candidate she interviews")
  void interviewerClicksHerCandidate() {
    SentMessage schedule = privately(BROWN, "my interviews");
    h.awaitCardRecorded(schedule.messageId());

    PushResult clicked = click(schedule, BROWN, hers);

    JsonObject card = clicked.jsonBody().getJsonObject("card");
    assertNotNull(card, clicked.body());
    assertEquals(HERS, card.getJsonObject("data").getJsonObject("header").getJsonObject("title").getString("content"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"candidate " + HERS, "profile of " + HERS, "候选人 " + HERS, HERS + " 的简历"})
  @DisplayName("the same interviewer types the name of that candidate and gets the same profile, without contact data")
  void interviewerTypesHerCandidate(String typed) {
    SentMessage reply = privately(BROWN, typed);

    assertEquals("interactive", reply.msgType(), "the profile, not: " + reply.content());
    assertEquals(HERS, title(reply.currentContent()), reply.currentContent().toString());
    String card = reply.currentContent().toString();
    assertFalse(card.contains(Phones.shown(hers)) || card.contains(hers.email()), "no contact data for her: " + card);
  }

  @Test
  @DisplayName("an interviewer gets the same refusal for someone else's candidate, typed or clicked")
  void interviewerRefusedAlikeForOthers() {
    SentMessage typed = privately(LIU, "candidate " + NOT_HERS);
    assertEquals("text", typed.msgType(), "a refusal, not: " + typed.currentContent());

    SentMessage schedule = privately(LIU, "my interviews");
    h.awaitCardRecorded(schedule.messageId());
    PushResult clicked = click(schedule, LIU, notHers);

    assertEquals("error", toast(clicked).getString("type"), "refused: " + clicked.body());
    assertEquals(typed.text(), toast(clicked).getJsonObject("i18n").getString("en_us"), clicked.body());
    assertFalse(clicked.body().contains(Phones.shown(notHers)), clicked.body());
  }

  @Test
  @DisplayName("a follow-up typed after her schedule (\"the first one\") opens that row's profile, as its button does")
  void interviewerFollowsUpHerSchedule() {
    SentMessage schedule = privately(ZHAO, "my interviews");
    h.awaitCardRecorded(schedule.messageId());
    String first = schedule.currentContent().findValues("value").stream()
        .filter(v -> "profile".equals(v.path("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no Profile button: " + schedule.currentContent()))
        .path("name").asText();

    SentMessage reply = privately(ZHAO, "the first one");

    assertEquals("interactive", reply.msgType(), "the profile, not: " + reply.content());
    assertEquals(first, title(reply.currentContent()));
  }

  @Test
  @DisplayName("the answer to \"don't reject NAME\" (its Profile button, forwarded to her: she may not say that "
      + "herself) and a button that runs \"candidate NAME\" as typed (a \"Did you mean…?\" card's) are refused for "
      + "someone else's candidate in the words typing it gets")
  void interviewerRunsTypedProfileByButton() {
    SentMessage typed = privately(ZHAO, "candidate " + NOT_HERS);
    SentMessage nothingChanged = privately(DemoTenant.RECRUITER_LI, "don't reject " + NOT_HERS);
    JsonNode profile = nothingChanged.currentContent().findValues("value").stream().filter(JsonNode::isObject)
        .findFirst().orElseThrow(() -> new AssertionError("no button: " + nothingChanged.currentContent()));
    // What a "Did you mean…?" card's person reading carries (CommandCodec): "candidate NAME", run as typed
    JsonObject run = new JsonObject().put("action", "understanding.run").put("lang", "en_us").put("command", "profile")
        .put("args", new JsonObject().put("name", NOT_HERS).put("talentId", ""));
    SentMessage schedule = privately(ZHAO, "my interviews");
    h.awaitCardRecorded(schedule.messageId());

    for (JsonObject value : List.of(new JsonObject(profile.toString()), run)) {
      PushResult clicked = await(h.sandbox.events().cardAction(CardActionSpec.on(schedule.messageId()).by(ZHAO)
          .tag("button").value(value)));

      JsonObject toast = toast(clicked);
      assertEquals("error", toast.getString("type"), clicked.body());
      assertEquals(typed.text(), toast.getJsonObject("i18n", new JsonObject()).getString("en_us",
          toast.getString("content")), clicked.body());
    }
  }

  @Test
  @DisplayName("someone Hire lists nowhere is refused alike, typed or clicked")
  void strangerRefusedAlike() {
    SentMessage typed = privately(DemoTenant.GUEST_SUN, "candidate " + HERS);
    assertEquals("text", typed.msgType(), "a refusal, not: " + typed.currentContent());

    // A card in her private chat the bot keeps no record of (help has no view): a Profile button on it, as forwarded
    SentMessage help = privately(DemoTenant.GUEST_SUN, "help");
    PushResult clicked = click(help, DemoTenant.GUEST_SUN, hers);

    assertEquals("error", toast(clicked).getString("type"), clicked.body());
    assertEquals(typed.text(), toast(clicked).getJsonObject("i18n").getString("en_us"), clicked.body());
    assertTrue(h.sandbox.im().messages().stream().noneMatch(m -> m.currentContent().toString()
        .contains(Phones.shown(hers))), "no profile was sent");
  }
}
