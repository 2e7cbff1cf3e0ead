package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
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

/**
 * The query journeys end to end against the sandbox: profiles (contact shown only privately, pickers, the
 * largest profile within Feishu's card limits, the empty search as Hire answers it), an offer status pushed by Hire
 * reaching the next offers card, and the cache. What the jobs, candidates, pipeline, interviews, offers and help
 * cards say (filters, pagers, languages) is checked in milliseconds by the feature tests under
 * {@code io.hirebot.feature} against a fake Hire; every one of those commands still runs end to end in
 * {@code ReadmeScopesTest} and the candidates journey in {@code WalkingSkeletonTest}.
 */
class QueryCardsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String ALICE = "ou_user_alice";
  /** Private chats answer only people Hire lists on a hiring team (issue 7). */
  private static final String RECRUITER_OF_BACKEND = "ou_recruiter_li";
  private static final String LIU = "ou_interviewer_liu";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXTRA_OFFERS = 8;
  private static final int MANY_APPLICATIONS = 9;
  private static final int MANY_INTERVIEWS = 40;
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static Talent twinA;
  private static Talent busy;

  @BeforeAll
  static void start() {
    // Seeded before any command runs, so no cached read predates it.
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    long tomorrow = LocalDate.now(ZONE).plusDays(1).atTime(7, 0).atZone(ZONE).toInstant().toEpochMilli();
    Job ds = hire.jobByCode("DS-001").orElseThrow();
    Stage dsOffer = hire.stagesOf(ds.id()).stream().filter(s -> s.type() == Stage.OFFER).findFirst().orElseThrow();
    for (int i = 0; i < EXTRA_OFFERS; i++) {
      Talent t = hire.addTalent("Offer Person " + i, "1390000000" + i, "offer" + i + "@example.com");
      hire.addOffer(hire.addApplication(ds.id(), t.id(), dsOffer.id()).id(), 6);
    }
    twinA = hire.addTalent("Zed Twin", "13700000001", "zed.a@example.com");
    Talent twinB = hire.addTalent("Zed Twin", "13700000002", "zed.b@example.com");
    hire.addApplication(backend.id(), twinA.id(), hire.stagesOf(backend.id()).get(0).id());
    hire.addApplication(ds.id(), twinB.id(), hire.stagesOf(ds.id()).get(0).id());
    Talent longHistory = hire.addTalent("Long History", "13500000000", "long@example.com");
    Application interviewed = hire.addApplication(backend.id(), longHistory.id(),
        hire.stagesOf(backend.id()).get(3).id());
    for (int i = 0; i < MANY_INTERVIEWS; i++) {
      hire.addInterview(interviewed.id(), tomorrow - (i + 2) * 86_400_000L, LIU, "ou_interviewer_zhao",
          "ou_interviewer_brown");
    }
    busy = hire.addTalent("Busy Applicant", "13600000000", "busy@example.com");
    List<Job> open = hire.jobs().stream().filter(j -> j.activeStatus() == 1).toList();
    for (int i = 0; i < MANY_APPLICATIONS; i++) {
      Job job = open.get(i % open.size());
      Application a = hire.addApplication(job.id(), busy.id(), hire.stagesOf(job.id()).get(i % 3).id());
      hire.addInterview(a.id(), tomorrow - 3 * 86_400_000L, LIU);
    }
  }

  private static SentMessage ask(MessageSpec spec) {
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    assertWithinLimits(reply.currentContent());
    return reply;
  }

  private static final java.util.concurrent.atomic.AtomicInteger SENDERS = new java.util.concurrent.atomic.AtomicInteger();

  /** Each group question from another member, so the per-user command rate limit never answers instead. */
  private static SentMessage inGroup(String text) {
    return ask(MessageSpec.group(TEAM).from(ALICE + "_" + SENDERS.incrementAndGet()).mentioningBot().text(text));
  }

  private static SentMessage privately(String user, String text) {
    return ask(MessageSpec.p2p(user).text(text));
  }

  /** Clicks a button whose callback value is {@code value}; returns the card that replaced the clicked one. */
  private static JsonNode click(SentMessage on, JsonNode value, String by) {
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(on.messageId()).by(by).tag("button")
        .value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(), r.violations());
    JsonNode card = JSON.valueToTree(r.jsonBody().getJsonObject("card").getJsonObject("data").getMap());
    assertWithinLimits(card);
    return card;
  }

  private static void assertWithinLimits(JsonNode card) {
    assertEquals(List.of(), CardLimits.violations((ObjectNode) card, card.toString()));
  }

  private static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }

  /** The callback values of the card's buttons with the given action. */
  private static List<JsonNode> buttons(JsonNode card, String action) {
    return card.findValues("value").stream().filter(v -> action.equals(v.path("action").asText())).toList();
  }

  @Test
  @DisplayName("candidate NAME in a private chat: applications, history, interviews, notes, phone and email")
  void profileInPrivate() {
    Talent t = h.sandbox.hire().talentByName("张伟").orElseThrow();
    long applications = h.sandbox.hire().applications().stream().filter(a -> a.talentId().equals(t.id())).count();

    JsonNode card = privately(RECRUITER_OF_BACKEND, "候选人 张伟").currentContent();
    String text = card.toString();

    assertEquals("张伟", title(card));
    assertTrue(text.contains(applications + " 次投递"), text);
    assertTrue(text.contains(Phones.shown(t)) && text.contains(t.email()), "contact shown in a private chat");
    assertTrue(text.contains(" → "), "stage history");
    assertTrue(text.contains("🗓 "), "interviews");
    assertTrue(text.contains("\"action\":\"advance\"") && text.contains("\"talent_id\":\"" + t.id() + "\""), text);
  }

  @Test
  @DisplayName("candidate NAME in a group: the same profile without phone or email")
  void profileInGroupHidesContact() {
    Talent t = h.sandbox.hire().talentByName("张伟").orElseThrow();

    String text = inGroup("candidate 张伟").currentContent().toString();

    assertTrue(text.contains("次投递"), text);
    assertFalse(text.contains(Phones.shown(t)), "no phone in a group");
    assertFalse(text.contains(t.email()), "no email in a group");
  }

  @Test
  @DisplayName("two talents with one name: a button each; picking one shows that talent's profile")
  void profilePicker() {
    SentMessage reply = inGroup("candidate Zed Twin");
    List<JsonNode> choices = buttons(reply.currentContent(), "profile.page");
    assertEquals(2, choices.size(), reply.currentContent().toString());

    JsonNode value = choices.stream().filter(v -> v.path("talent_id").asText().equals(twinA.id())).findFirst()
        .orElseThrow();
    JsonNode profile = click(reply, value, ALICE);

    assertEquals("Zed Twin", title(profile));
    assertTrue(profile.toString().contains("Backend Engineer"), profile.toString());
    assertFalse(profile.toString().contains(Phones.shown(twinA)), "no contact from a button");
  }

  @Test
  @DisplayName("Profile in a candidate row's menu of a group's list replies to the list with that talent's profile")
  void profileButton() {
    SentMessage list = inGroup("candidates for BE-002");
    JsonNode value = buttons(list.currentContent(), "more").get(0);
    Talent t = h.sandbox.hire().talent(value.path("talent_id").asText()).orElseThrow();

    // The row's "⋯" menu, option Profile.
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(ALICE)
        .tag("overflow").option("profile").value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    assertEquals(null, r.jsonBody().getJsonObject("card"), "the group's list stays: " + r.body());
    JsonNode profile = await(h.sandbox.im().awaitMessage(m -> list.messageId().equals(m.parentId()), TIMEOUT))
        .currentContent();
    assertWithinLimits(profile);

    assertEquals(t.name(), title(profile));
    assertFalse(profile.toString().contains(t.email()), "no contact from a button");
  }

  @Test
  @DisplayName("a talent with many applications gets a paged profile within Feishu's limits")
  void largestProfile() {
    SentMessage reply = privately(RECRUITER_OF_BACKEND, "candidate Busy Applicant");
    String text = reply.currentContent().toString();
    assertTrue(text.contains(MANY_APPLICATIONS + " applications"), text);
    JsonNode next = buttons(reply.currentContent(), "profile.page").stream()
        .filter(v -> v.path("page").asInt() == 1).findFirst().orElseThrow();
    // Clicked by the one who asked: the card is in their private chat (a click passes the hiring-data gate too).
    assertTrue(click(reply, next, RECRUITER_OF_BACKEND).toString().contains("Page 2 of 3"));
  }

  @Test
  @DisplayName("an application with many interviews lists the latest and counts the rest, within Feishu's limits")
  void longInterviewHistory() {
    String text = privately(RECRUITER_OF_BACKEND, "candidate Long History").currentContent().toString();
    assertTrue(text.contains("… " + (MANY_INTERVIEWS - 6) + " earlier"), text);
  }

  @Test
  @DisplayName("an unknown name says so in the user's language (not a Hire error), asking Hire to answer an empty search")
  void profileNotFound() {
    JsonNode en = inGroup("candidate Nobody Atall").currentContent();
    assertTrue(title(en).contains("No candidate named"), en.toString());
    assertTrue(buttons(en, "profile.page").isEmpty(), "no one shares a word with that name: " + en);
    assertTrue(title(inGroup("候选人 查无此人").currentContent()).contains("没有名为"));
    assertTrue(h.sandbox.requests().all().stream().filter(r -> r.path().endsWith("/hire/v1/talents"))
        .allMatch(r -> "ignore_empty_error".equals(r.queryParam("query_option"))));
  }

  @Test
  @DisplayName("a misspelt name: no such candidate, with the talents sharing a word of it offered as buttons")
  void profileNotFoundSuggests() {
    JsonNode card = inGroup("candidate Zed Twine").currentContent();
    assertTrue(title(card).contains("No candidate named"), card.toString());
    List<JsonNode> offered = buttons(card, "profile.page");
    assertEquals(2, offered.size(), card.toString());
    assertTrue(offered.stream().anyMatch(v -> v.path("talent_id").asText().equals(twinA.id())), card.toString());
  }

  @Test
  @DisplayName("an offer accepted in Hire shows as accepted on the next offers card, not the status read before")
  void offerStatusChangeIsShown() {
    // GIVEN a chat following DS-001's offers, and an offers card that showed Offer Person 0's offer as sent
    var hire = h.sandbox.hire();
    Talent person = hire.talentByName("Offer Person 0").orElseThrow();
    var offer = hire.offers().stream().filter(o -> o.talentId().equals(person.id())).findFirst().orElseThrow();
    Stage stage = hire.stagesOf(offer.jobId()).stream().filter(s -> s.type() == Stage.OFFER).findFirst().orElseThrow();
    String row = "**Offer Person 0** · Data Scientist · " + stage.enName() + " · **";
    assertTrue(inGroup("offers for Data Scientist").currentContent().toString().contains(row + "sent**"));
    PushResult subscribe = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE + "_" + SENDERS.incrementAndGet())
        .mentioningBot().text("subscribe job DS-001 to offer")));
    await(h.sandbox.im().awaitMessage(m -> subscribe.messageId().equals(m.parentId()), TIMEOUT));

    // WHEN the candidate accepts in Hire (Feishu pushes hire.offer.status_changed_v1, the chat is told)
    hire.setOfferStatus(offer.id(), 7);
    await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Offer update") && m.currentContent().toString().contains("Offer Person 0"),
        TIMEOUT));

    // THEN the next offers card shows it accepted, with Hire's offer APIs read per talent
    String after = inGroup("offers for Data Scientist").currentContent().toString();
    assertTrue(after.contains(row + "accepted**"), after);
    assertTrue(h.sandbox.requests().all().stream().anyMatch(r -> r.path().endsWith("/hire/v1/offers")
        && person.id().equals(r.queryParam("talent_id"))));
  }

  @Test
  @DisplayName("each command logs its Hire calls and a repeated one is served from the cache")
  void cachedRepeat() {
    inGroup("pipeline for DS-001");
    long before = h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*");
    inGroup("pipeline for DS-001");
    assertEquals(before, h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*"),
        "no application read repeated within the cache's life");
  }
}
