package io.hirebot.e2e;

import static io.hirebot.e2e.Replies.card;
import static io.hirebot.e2e.Replies.title;
import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cards the bot puts in a user's private chat for a command or a click made elsewhere ("my tasks" asked in a group, a
 * group profile's "Full details (private)") are what that user's follow-ups in the private chat follow; a profile that
 * showed contact data in a private chat keeps it on every page, and a group's profile never shows it, on any page.
 * Each test has its own people, so no conversation of another test stands in for the one under test.
 */
class PrivateFollowUpsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY = 86_400_000L;
  /** More feedback owed than one page of tasks (10). */
  private static final int OWED = 11;
  /** Five applications: a profile of two pages (4 a page). */
  private static final String PAGED = "Private Pager";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Two applications to Wang's jobs: one changed from the profile's buttons, one moved in Hire meanwhile. */
  private static final String KEPT = "Kept Contact";
  /** One application to a job of Wang's, whose profile is asked for in the group. */
  private static final String GROUPED = "Grouped Contact";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static Talent paged;
  private static Talent kept;
  private static Talent grouped;
  private static Application keptMoved;
  private static String keptMovedTo;

  @BeforeAll
  static void seed() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    String interview = hire.stagesOf(backend.id()).stream().filter(s -> s.type() == Stage.INTERVIEW).findFirst()
        .orElseThrow().id();
    long twoDaysAgo = LocalDate.now(ZONE).minusDays(2).atTime(10, 0).atZone(ZONE).toInstant().toEpochMilli();
    for (int i = 0; i < OWED; i++) {
      Talent met = hire.addTalent("Owed Feedback " + i, "1393000000" + i, "owed" + i + "@example.com");
      hire.addInterview(hire.addApplication(backend.id(), met.id(), interview).id(), twoDaysAgo + i * 60_000L,
          DemoTenant.HM_ZHANG);
    }
    // Jobs of Li's (and Zhang's) only: Chen, a hiring manager of other jobs, may query but not read the contact data.
    paged = hire.addTalent(PAGED, "13655500001", "private.pager@example.com");
    for (String code : List.of("BE-001", "FE-001", "DS-001")) {
      Job job = hire.jobByCode(code).orElseThrow();
      hire.addApplication(job.id(), paged.id(), hire.stagesOf(job.id()).get(0).id());
    }
    for (int i = 0; i < 2; i++) {
      Job role = hire.addJob("Private Paging Role " + i, "PP-00" + i, backend.processId(), DemoTenant.RECRUITER_LI,
          DemoTenant.HM_ZHANG);
      hire.addApplication(role.id(), paged.id(), hire.stagesOf(role.id()).get(0).id());
    }
    // Wang recruits for these jobs (and no other test here acts as Wang): his clicks have their own rate budget.
    kept = hire.addTalent(KEPT, "13655500002", "kept.contact@example.com");
    grouped = hire.addTalent(GROUPED, "13655500003", "grouped.contact@example.com");
    for (int i = 0; i < 2; i++) {
      Job role = hire.addJob("Contact Kept Role " + i, "CK-00" + i, backend.processId(), DemoTenant.RECRUITER_WANG,
          DemoTenant.HM_SMITH);
      List<Stage> stages = hire.stagesOf(role.id());
      Application a = hire.addApplication(role.id(), kept.id(), stages.get(0).id());
      if (i == 1) {
        keptMoved = a;
        keptMovedTo = stages.get(1).id();
        hire.addApplication(role.id(), grouped.id(), stages.get(0).id());
      }
    }
  }

  private static SentMessage inGroup(String user, String text) {
    SentMessage reply = h.ask(MessageSpec.group(TEAM).from(user).mentioningBot().text(text));
    assertTrue(reply.isReply(), reply.toString());
    return reply;
  }

  private static SentMessage privately(String user, String text) {
    return h.ask(MessageSpec.p2p(user).text(text));
  }



  /** The first callback value on the card that passes {@code wanted}. */
  private static JsonNode value(JsonNode card, Predicate<JsonNode> wanted) {
    return card.findValues("value").stream().filter(wanted).findFirst()
        .orElseThrow(() -> new AssertionError("no such button on " + card));
  }

  /** {@code user} clicks a button with {@code value} on {@code message}; returns the card that replaced it. */
  private static String click(SentMessage message, String user, JsonNode value) {
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(message.messageId()).by(user).tag("button")
        .value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    JsonObject card = r.jsonBody().getJsonObject("card");
    assertTrue(card != null, "the click answered with a card: " + r.body());
    return card.getJsonObject("data").encode();
  }

  /** The pager's button to page {@code page} (from 0) of a profile. */
  private static JsonNode pageButton(JsonNode card, int page) {
    return value(card, v -> "profile.page".equals(v.path("action").asText()) && v.path("page").asInt() == page);
  }

  private static boolean hasContact(String card) {
    return hasContact(card, paged);
  }

  private static boolean hasContact(String card, Talent talent) {
    return card.contains(Phones.shown(talent)) || card.contains(talent.email());
  }

  private static boolean hasBothContacts(String card, Talent talent) {
    return card.contains(Phones.shown(talent)) && card.contains(talent.email());
  }

  private static JsonNode json(String card) {
    try {
      return JSON.readTree(card);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(card, e);
    }
  }

  /** The button of {@code action} on a card's application {@code applicationId}. */
  private static JsonNode button(String card, String action, String applicationId) {
    return value(json(card), v -> action.equals(v.path("action").asText())
        && applicationId.equals(v.path("application_id").asText()));
  }

  /** {@code user} submits the form on {@code message} with {@code fields}; returns the card that replaced it. */
  private static String submit(SentMessage message, String user, String form, JsonObject fields) {
    JsonNode submit = value(json(form), v -> v.path("action").asText().endsWith(".submit")
        || v.path("action").asText().endsWith(".confirm"));
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(message.messageId()).by(user).tag("button")
        .name("submit").value(new JsonObject(submit.toString())).formValue(fields)));
    assertEquals(200, r.status(), r.body());
    JsonObject card = r.jsonBody().getJsonObject("card");
    assertTrue(card != null, "the submit answered with a card: " + r.body());
    return card.getJsonObject("data").encode();
  }

  private static String now(SentMessage m) {
    return h.sandbox.im().message(m.messageId()).orElseThrow().currentContent().toString();
  }

  private static long patches(SentMessage m) {
    return h.sandbox.requests().count("PATCH", "/open-apis/im/v1/messages/" + m.messageId());
  }

  /** The group profile's "Full details (private)", clicked by {@code user}: the card it sent them privately. */
  private static SentMessage detailsPrivately(String user) {
    SentMessage group = inGroup(user, "candidate " + PAGED);
    assertFalse(hasContact(card(group)), card(group));
    JsonNode details = value(group.currentContent(), v -> "profile.private".equals(v.path("action").asText()));
    PushResult sent = await(h.sandbox.events().cardAction(CardActionSpec.on(group.messageId()).by(user).tag("button")
        .value(new JsonObject(details.toString()))));
    assertEquals("info", sent.jsonBody().getJsonObject("toast").getString("type"), sent.body());
    String chat = ImState.p2pChatId(user);
    // Sent, not a reply: the user's own profiles in that chat are replies to what they typed.
    SentMessage profile = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && !m.isReply()
        && m.currentContent().toString().contains(Phones.shown(paged)), TIMEOUT));
    assertTrue(card(profile).contains("Page 1 of 2"), card(profile));
    return profile;
  }

  @Test
  @DisplayName("\"my tasks\" asked in a group, then \"next page\" in the private chat the list went to: its second "
      + "page; the group, which got one line, still has no list to page")
  void tasksAskedInAGroupArePagedPrivately() {
    String zhang = DemoTenant.HM_ZHANG;
    SentMessage line = inGroup(zhang, "my tasks");
    assertTrue(line.text() != null && line.text().contains("private chat"), line.content().toString());
    String chat = ImState.p2pChatId(zhang);
    SentMessage list = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId())
        && m.currentContent().toString().contains("My tasks"), TIMEOUT));
    assertTrue(card(list).contains("Page 1 of "), card(list));

    SentMessage second = privately(zhang, "next page");
    assertTrue(title(second).contains("My tasks"), title(second));
    assertTrue(card(second).contains("Page 2 of "), card(second));

    SentMessage group = inGroup(zhang, "next page");
    assertTrue(card(group).contains("no list to page"), "the list was never shown in the group: " + card(group));
  }

  @Test
  @DisplayName("a group profile's \"Full details (private)\", then \"next page\" in the private chat: that profile's "
      + "second page")
  void privateDetailsArePagedPrivately() {
    detailsPrivately(DemoTenant.ADMIN_ZHOU);

    SentMessage second = privately(DemoTenant.ADMIN_ZHOU, "next page");
    assertTrue(title(second).contains(PAGED), title(second));
    assertTrue(card(second).contains("Page 2 of 2"), card(second));
  }

  @Test
  @DisplayName("a profile with phone and email in a private chat keeps them on page 2, typed (\"page 2\") or clicked "
      + "(its pager), and so does the private details card's pager")
  void privateProfileKeepsContactOnEveryPage() {
    String li = DemoTenant.RECRUITER_LI;
    SentMessage first = privately(li, "candidate " + PAGED);
    assertTrue(hasContact(card(first)) && card(first).contains("Page 1 of 2"), card(first));

    SentMessage typed = privately(li, "page 2");
    assertTrue(card(typed).contains("Page 2 of 2"), card(typed));
    assertTrue(card(typed).contains(Phones.shown(paged)) && card(typed).contains(paged.email()), card(typed));

    h.awaitCardRecorded(first.messageId());
    String clicked = click(first, li, pageButton(first.currentContent(), 1));
    assertTrue(clicked.contains("Page 2 of 2") && hasContact(clicked), clicked);

    SentMessage details = detailsPrivately(li);
    h.awaitCardRecorded(details.messageId());
    String detailsPage2 = click(details, li, pageButton(details.currentContent(), 1));
    assertTrue(detailsPage2.contains("Page 2 of 2") && hasContact(detailsPage2), detailsPage2);
  }

  @Test
  @DisplayName("a group's profile never shows phone or email on any page: typed, clicked, or with a click value that "
      + "claims contact data")
  void groupProfileNeverShowsContact() {
    String li = DemoTenant.RECRUITER_LI;
    SentMessage first = inGroup(li, "candidate " + PAGED);
    assertFalse(hasContact(card(first)), card(first));

    SentMessage typed = inGroup(li, "page 2");
    assertTrue(card(typed).contains("Page 2 of 2"), card(typed));
    assertFalse(hasContact(card(typed)), card(typed));

    h.awaitCardRecorded(first.messageId());
    JsonNode next = pageButton(first.currentContent(), 1);
    String clicked = click(first, li, next);
    assertTrue(clicked.contains("Page 2 of 2") && !hasContact(clicked), clicked);

    JsonNode claiming = ((com.fasterxml.jackson.databind.node.ObjectNode) next.deepCopy()).put("contact", true);
    String forged = click(first, li, claiming);
    assertTrue(forged.contains("Page 2 of 2") && !hasContact(forged), forged);
  }

  @Test
  @DisplayName("privately, someone on another job's hiring team reads the profile without contact data on every page")
  void otherTeamsNeverSeeContact() {
    String chen = DemoTenant.HM_CHEN;
    SentMessage first = privately(chen, "candidate " + PAGED);
    assertFalse(hasContact(card(first)), card(first));

    SentMessage typed = privately(chen, "page 2");
    assertTrue(card(typed).contains("Page 2 of 2") && !hasContact(card(typed)), card(typed));

    h.awaitCardRecorded(first.messageId());
    String clicked = click(first, chen, pageButton(first.currentContent(), 1));
    assertTrue(clicked.contains("Page 2 of 2") && !hasContact(clicked), clicked);
  }

  @Test
  @DisplayName("privately, \"back\" from a profile to a list of a job the viewer may not change shows that list view "
      + "only, as its Back button does")
  void backToAViewOnlyList() {
    String chen = DemoTenant.HM_CHEN;
    SentMessage list = privately(chen, "candidates for BE-001");
    assertTrue(card(list).contains("View only") && !card(list).contains("\"advance\""), card(list));
    h.awaitCardRecorded(list.messageId());
    JsonNode more = value(list.currentContent(), v -> "more".equals(v.path("action").asText()));
    PushResult opened = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(chen)
        .tag("overflow").option("profile").value(new JsonObject(more.toString()))));
    assertTrue(opened.body().contains("Back to the list"), opened.body());

    SentMessage back = privately(chen, "back");
    assertTrue(card(back).contains("Backend Engineer"), card(back));
    assertTrue(card(back).contains("View only") && !card(back).contains("\"advance\""), card(back));
  }

  @Test
  @DisplayName("a recruiter's private profile with phone and email keeps them after Advance, a note and a Reject made "
      + "on it, and when a change made in Hire re-renders it")
  void privateProfileKeepsContactAfterAChange() {
    String wang = DemoTenant.RECRUITER_WANG;
    SentMessage profile = privately(wang, "candidate " + KEPT);
    assertTrue(hasBothContacts(card(profile), kept), card(profile));
    h.awaitCardRecorded(profile.messageId());
    Application changed = h.sandbox.hire().applications().stream()
        .filter(a -> a.talentId().equals(kept.id()) && !a.id().equals(keptMoved.id())).findFirst().orElseThrow();

    // WHEN the recruiter advances one application from the profile
    String advanced = click(profile, wang, button(card(profile), "advance", changed.id()));
    // THEN the profile that replaces it still shows the phone and the email
    assertTrue(advanced.contains(KEPT) && hasBothContacts(advanced, kept), advanced);

    // and so does the profile a note's form (which replaces the card in a private chat) lands on
    String noteForm = click(profile, wang, button(advanced, "note", changed.id()));
    String noted = submit(profile, wang, noteForm, new JsonObject().put("note", "Called, keen to proceed"));
    assertTrue(noted.contains(KEPT) && hasBothContacts(noted, kept), noted);

    // and the living card re-rendered after a change made in Hire itself
    h.awaitCardRecorded(profile.messageId());
    long before = patches(profile);
    h.sandbox.hire().moveApplication(keptMoved.id(), keptMovedTo);
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + profile.messageId())
        && patches(profile) > before, TIMEOUT));
    String living = now(profile);
    assertTrue(living.contains("\"stage_id\":\"" + keptMovedTo + "\"") && hasBothContacts(living, kept), living);

    // and the one a rejection through its form lands on
    String rejectForm = click(profile, wang, button(living, "reject", changed.id()));
    JsonNode reason = json(rejectForm).findValues("options").get(0).get(0).path("value");
    String rejected = submit(profile, wang, rejectForm, new JsonObject().put("reason", reason.asText()));
    assertTrue(rejected.contains(KEPT) && hasBothContacts(rejected, kept), rejected);
  }

  @Test
  @DisplayName("Advance on a group's profile answers with the profile without phone or email, also when the clicked "
      + "value claims contact data")
  void groupProfileNeverShowsContactAfterAChange() {
    String wang = DemoTenant.RECRUITER_WANG;
    SentMessage profile = inGroup(wang, "candidate " + GROUPED);
    assertFalse(hasContact(card(profile), grouped), card(profile));
    h.awaitCardRecorded(profile.messageId());
    Application a = h.sandbox.hire().applications().stream().filter(x -> x.talentId().equals(grouped.id()))
        .findFirst().orElseThrow();

    String advanced = click(profile, wang, button(card(profile), "advance", a.id()));
    assertTrue(advanced.contains(GROUPED) && !hasContact(advanced, grouped), advanced);

    JsonNode claiming = ((com.fasterxml.jackson.databind.node.ObjectNode) button(advanced, "advance", a.id())
        .deepCopy()).put("contact", true);
    String forged = click(profile, wang, claiming);
    assertTrue(forged.contains(GROUPED) && !hasContact(forged, grouped), forged);
  }
}
