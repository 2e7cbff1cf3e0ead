package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A profile opened from another card's button. Feishu's JSON 2.0 cards are shared: in a group, a card replaced by one
 * member's click is replaced for everyone, so there the profile arrives as a new message replying to the card, which
 * stays as it was; in a private chat it replaces the card, with a Back button to the card it came from.
 */
class ProfileFromCardsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Interviewed by Emily Brown tomorrow: her private schedule has a row with a Profile button. */
  private static final String MET = "Brown Interviewee";
  /** Asked about with "where is" in the group. */
  private static final String WHERE = "Where Abouts";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static final CardThreads threads = new CardThreads(h);
  private static Talent met;
  private static Talent where;

  @BeforeAll
  static void seed() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    String interview = hire.stagesOf(backend.id()).stream().filter(s -> s.type() == Stage.INTERVIEW).findFirst()
        .orElseThrow().id();
    long tomorrow = LocalDate.now(ZONE).plusDays(1).atTime(15, 0).atZone(ZONE).toInstant().toEpochMilli();
    met = hire.addTalent(MET, "13677700001", "brown.interviewee@example.com");
    Application a = hire.addApplication(backend.id(), met.id(), interview);
    hire.addInterview(a.id(), tomorrow, DemoTenant.INTERVIEWER_BROWN);
    where = hire.addTalent(WHERE, "13677700002", "where.abouts@example.com");
    hire.addApplication(backend.id(), where.id(), hire.stagesOf(backend.id()).get(0).id());
    // Starts this Monday: the onboarding card of this week has a row with a Profile button.
    Talent starting = hire.addTalent("Starting Soon", "13677700003", "starting.soon@example.com");
    String pending = hire.stagesOf(backend.id()).stream().filter(s -> s.type() == Stage.PENDING_ONBOARD).findFirst()
        .orElseThrow().id();
    Application joining = hire.addApplication(backend.id(), starting.id(), pending);
    Offer o = hire.addOffer(joining.id(), 7);
    String monday = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    hire.write(d -> d.offers.put(o.id(), new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), o.status(),
        o.offerType(), o.createTime(), monday, o.ownerId(), o.leaderId())));
  }

  private static SentMessage inGroup(String user, String text) {
    SentMessage reply = h.ask(MessageSpec.group(TEAM).from(user).mentioningBot().text(text));
    assertEquals("interactive", reply.msgType(), reply.toString());
    return reply;
  }

  private static JsonNode value(JsonNode card, Predicate<JsonNode> wanted) {
    return card.findValues("value").stream().filter(JsonNode::isObject).filter(wanted).findFirst()
        .orElseThrow(() -> new AssertionError("no such button on " + card));
  }

  private static CardActionSpec rowProfile(SentMessage list, String who, JsonNode more) {
    return CardActionSpec.on(list.messageId()).by(who).tag("overflow").option("profile")
        .value(new JsonObject(more.toString()));
  }

  /** The callback value of the profile's "Back to the list" button. */
  private static JsonNode backButton(JsonNode card) {
    for (JsonNode element : card.path("body").path("elements")) {
      if ("Back to the list".equals(element.path("text").path("content").asText())) {
        return element.path("behaviors").get(0).path("value");
      }
    }
    throw new AssertionError("no Back to the list: " + card);
  }

  @Test
  @DisplayName("in a group, a stranger's ⋯ → Profile on the team's list leaves the list as it was for everyone, and the "
      + "profile arrives as a new message replying to it, without \"Back to the list\" or contact data, with a toast "
      + "in both languages")
  void groupProfileRepliesToTheList() {
    // GIVEN the team's BE-001 list in the group, asked for by its recruiter
    SentMessage list = inGroup(DemoTenant.RECRUITER_LI, "candidates for BE-001");
    h.awaitCardRecorded(list.messageId());
    JsonNode more = value(list.currentContent(), v -> "more".equals(v.path("action").asText()));
    Talent talent = h.sandbox.hire().talent(more.path("talent_id").asText()).orElseThrow();

    // WHEN 孙丽, who is on no hiring team, opens a row's profile from its ⋯ menu
    PushResult click = await(h.sandbox.events().cardAction(rowProfile(list, DemoTenant.GUEST_SUN, more)));

    // THEN the list is the list still, for the whole group
    threads.unchanged(list, click);
    // and the clicker is told where the profile went, in both languages
    JsonObject toast = CardThreads.toast(click);
    assertEquals("info", toast.getString("type"), click.body());
    JsonObject i18n = toast.getJsonObject("i18n", new JsonObject());
    assertTrue(i18n.getString("en_us", "").contains(talent.name()), toast.encode());
    assertTrue(i18n.getString("zh_cn", "").contains(talent.name()), toast.encode());
    assertFalse(i18n.getString("en_us").equals(i18n.getString("zh_cn")), toast.encode());
    // and the profile is a new message in the group, replying to the list
    SentMessage profile = threads.awaitReplyTo(list);
    assertEquals(TEAM, profile.chatId());
    assertEquals(talent.name(), CardThreads.title(profile.currentContent()), profile.currentContent().toString());
    String text = profile.currentContent().toString();
    assertFalse(text.contains("candidates.page"), "no Back to the list: the list is right above: " + text);
    assertFalse(text.contains(Phones.shown(talent)) || text.contains(talent.email()),
        "no contact data in a group: " + text);
  }

  @Test
  @DisplayName("in a group, a double click on Profile (two callbacks at once) sends one profile")
  void doubleClickSendsOneProfile() {
    SentMessage list = inGroup(DemoTenant.RECRUITER_LI, "candidates for BE-001");
    h.awaitCardRecorded(list.messageId());
    JsonNode more = value(list.currentContent(), v -> "more".equals(v.path("action").asText()));

    Future<PushResult> first = h.sandbox.events().cardAction(rowProfile(list, DemoTenant.RECRUITER_LI, more));
    Future<PushResult> second = h.sandbox.events().cardAction(rowProfile(list, DemoTenant.RECRUITER_LI, more));
    await(Future.all(first, second));

    threads.unchanged(list, first.result());
    threads.unchanged(list, second.result());
    threads.awaitReplyTo(list);
    assertEquals(1, threads.repliesTo(list).size(), "one profile: " + threads.repliesTo(list));
  }

  @Test
  @DisplayName("in a group, Profile on the interviews card and on a \"where is\" answer also replies with the profile "
      + "and leaves the card as it was")
  void groupProfileFromOtherCards() {
    SentMessage interviews = inGroup(DemoTenant.RECRUITER_LI, "interviews");
    h.awaitCardRecorded(interviews.messageId());
    JsonNode open = value(interviews.currentContent(), v -> met.id().equals(v.path("talent_id").asText()));
    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(interviews, DemoTenant.HM_ZHANG, open)));
    threads.unchanged(interviews, click);
    assertEquals(MET, CardThreads.title(threads.awaitReplyTo(interviews).currentContent()));

    SentMessage whereIs = inGroup(DemoTenant.RECRUITER_LI, "where is " + WHERE);
    h.awaitCardRecorded(whereIs.messageId());
    JsonNode profile = value(whereIs.currentContent(), v -> v.has("action"));
    PushResult clicked = await(h.sandbox.events().cardAction(CardThreads.button(whereIs, DemoTenant.HM_ZHANG, profile)));
    threads.unchanged(whereIs, clicked);
    assertEquals(WHERE, CardThreads.title(threads.awaitReplyTo(whereIs).currentContent()));
  }

  @Test
  @DisplayName("the profile a group click sent is a profile card like any: its Advance acts on it in place")
  void groupProfileWorks() {
    SentMessage list = inGroup(DemoTenant.RECRUITER_LI, "candidates for BE-001");
    h.awaitCardRecorded(list.messageId());
    JsonNode more = value(list.currentContent(), v -> "more".equals(v.path("action").asText()));
    await(h.sandbox.events().cardAction(rowProfile(list, DemoTenant.RECRUITER_LI, more)));
    SentMessage profile = threads.awaitReplyTo(list);
    h.awaitCardRecorded(profile.messageId());

    // Shown to the recruiter, it offers them Advance; the click answers with the profile, in place, once changed.
    JsonNode advance = value(profile.currentContent(), v -> "advance".equals(v.path("action").asText()));
    PushResult done = await(h.sandbox.events().cardAction(CardThreads.button(profile, DemoTenant.RECRUITER_LI, advance)));
    assertEquals("success", CardThreads.toast(done).getString("type"), done.body());
    JsonObject card = done.jsonBody().getJsonObject("card");
    assertNotNull(card, done.body());
    assertEquals(CardThreads.title(profile.currentContent()), card.getJsonObject("data").getJsonObject("header")
        .getJsonObject("title").getString("content"));
  }

  @Test
  @DisplayName("privately, Emily Brown's Profile on her interviews card replaces it with the profile, whose Back button "
      + "shows her schedule again")
  void privateInterviewsLeadBack() {
    // GIVEN Emily Brown's own schedule in her private chat
    SentMessage schedule = h.ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_BROWN).text("my interviews"));
    String before = schedule.currentContent().toString();
    assertTrue(before.contains(MET), before);
    h.awaitCardRecorded(schedule.messageId());

    // WHEN she opens the candidate's profile from it
    JsonNode open = value(schedule.currentContent(), v -> met.id().equals(v.path("talent_id").asText()));
    PushResult opened = await(h.sandbox.events().cardAction(CardThreads.button(schedule, DemoTenant.INTERVIEWER_BROWN, open)));

    // THEN the profile replaces the schedule (one viewer), with a way back to it
    assertEquals(200, opened.status(), opened.body());
    JsonObject card = opened.jsonBody().getJsonObject("card");
    assertNotNull(card, "the profile replaces the card in a private chat: " + opened.body());
    JsonNode profile = threads.now(schedule).currentContent();
    assertEquals(MET, CardThreads.title(profile), profile.toString());
    assertTrue(threads.repliesTo(schedule).isEmpty(), "no second message in a private chat");
    JsonNode back = backButton(profile);
    assertEquals("interviews.page", back.path("action").asText(), back.toString());

    // WHEN she clicks Back
    PushResult backed = await(h.sandbox.events().cardAction(CardThreads.button(schedule, DemoTenant.INTERVIEWER_BROWN, back)));

    // THEN her schedule is back, as it was
    assertEquals(200, backed.status(), backed.body());
    JsonNode again = threads.now(schedule).currentContent();
    assertEquals(CardThreads.title(schedule.content()), CardThreads.title(again), again.toString());
    assertTrue(again.toString().contains(MET), again.toString());
  }

  @Test
  @DisplayName("privately, Profile on a \"where is\" answer replaces it with the profile, whose Back asks again")
  void privateWhereIsLeadsBack() {
    SentMessage whereIs = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_WANG).text("where is " + WHERE));
    h.awaitCardRecorded(whereIs.messageId());
    JsonNode open = value(whereIs.currentContent(), v -> where.id().equals(v.path("talent_id").asText()));

    PushResult opened = await(h.sandbox.events().cardAction(CardThreads.button(whereIs, DemoTenant.RECRUITER_WANG, open)));

    assertNotNull(opened.jsonBody().getJsonObject("card"), "in place in a private chat: " + opened.body());
    JsonNode profile = threads.now(whereIs).currentContent();
    assertEquals(WHERE, CardThreads.title(profile), profile.toString());
    JsonNode back = backButton(profile);
    PushResult backed = await(h.sandbox.events().cardAction(CardThreads.button(whereIs, DemoTenant.RECRUITER_WANG, back)));
    assertEquals(200, backed.status(), backed.body());
    assertEquals(CardThreads.title(whereIs.content()), CardThreads.title(threads.now(whereIs).currentContent()), threads.now(whereIs).currentContent()
        .toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"offers for BE-001", "onboarding this week"})
  @DisplayName("privately, Profile on an offers or onboarding card replaces it with the profile, whose Back shows that "
      + "card again")
  void privateCardsLeadBack(String asked) {
    SentMessage card = h.ask(MessageSpec.p2p(DemoTenant.HM_SMITH).text(asked));
    assertEquals("interactive", card.msgType(), card.toString());
    h.awaitCardRecorded(card.messageId());
    JsonNode open = value(card.currentContent(), v -> "profile".equals(v.path("action").asText()));

    PushResult opened = await(h.sandbox.events().cardAction(CardThreads.button(card, DemoTenant.HM_SMITH, open)));

    assertNotNull(opened.jsonBody().getJsonObject("card"), "in place in a private chat: " + opened.body());
    JsonNode back = backButton(threads.now(card).currentContent());
    PushResult backed = await(h.sandbox.events().cardAction(CardThreads.button(card, DemoTenant.HM_SMITH, back)));
    assertEquals(200, backed.status(), backed.body());
    assertEquals(CardThreads.title(card.content()), CardThreads.title(threads.now(card).currentContent()), threads.now(card).currentContent().toString());
  }
}
