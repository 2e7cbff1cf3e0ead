package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.Shown;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, "cards that never mislead": a living card is re-rendered as what it shows, a button returns the view
 * it was clicked on, and a form opened in a group opens for the clicker alone.
 */
class LivingViewsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final AtomicInteger ASKERS = new AtomicInteger();

  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private Job job;

  @BeforeEach
  void start() {
    job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    assertEquals(RECRUITER, job.recruiterId());
  }

  private SentMessage ask(String from, String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(from).mentioningBot().text(text)));
    return recorded(h.replyTo(push));
  }

  /** The card once the bot stored it: only a stored card is refreshed by a later change. */
  private SentMessage recorded(SentMessage m) {
    h.awaitCardRecorded(m.messageId());
    return m;
  }

  /** Each command from another member, so the per-user rate limit never answers instead. */
  private SentMessage ask(String text) {
    return ask("ou_member_" + ASKERS.incrementAndGet(), text);
  }

  private String now(SentMessage m) {
    return h.sandbox.im().message(m.messageId()).orElseThrow().currentContent().toString();
  }

  private long patches(SentMessage m) {
    return h.sandbox.requests().count("PATCH", "/open-apis/im/v1/messages/" + m.messageId());
  }

  private void awaitPatch(SentMessage m, long count) {
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + m.messageId())
        && patches(m) >= count, TIMEOUT));
  }

  /** A talent of the job whose name no other talent shares, with one active application. */
  private Application uniquelyNamed() {
    List<Talent> talents = h.sandbox.hire().talents();
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> {
          String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
          return talents.stream().filter(t -> t.name().equals(name)).count() == 1
              && h.sandbox.hire().applications().stream().filter(x -> x.talentId().equals(a.talentId())).count() == 1;
        })
        .filter(a -> next(a) != null)
        .findFirst().orElseThrow();
  }

  private Stage next(Application a) {
    List<Stage> stages = h.sandbox.hire().stagesOf(a.jobId());
    for (int i = 0; i + 1 < stages.size(); i++) {
      if (stages.get(i).id().equals(a.stageId()) && stages.get(i + 1).type() < 5 && stages.get(i).type() < 5) {
        return stages.get(i + 1);
      }
    }
    return null;
  }

  private String name(Application a) {
    return h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
  }

  @Test
  @DisplayName("a stage change moves the candidate on the list; the profile, interviews and offers cards stay themselves")
  void eachCardStaysItself() {
    Application a = uniquelyNamed();
    String interviewer = "ou_iv_living";
    h.sandbox.hire().addInterview(a.id(), clock.millis() + Duration.ofHours(2).toMillis(), interviewer);
    SentMessage list = ask("candidates for BE-001");
    // Asked by the recruiter: a profile offers its buttons (and names the application in them) to whoever may act.
    SentMessage profile = ask(RECRUITER, "candidate " + name(a));
    SentMessage interviews = ask(interviewer, "my interviews");
    SentMessage offers = ask("offers for BE-001");
    String profileBefore = now(profile);
    String interviewsBefore = now(interviews);
    assertTrue(profileBefore.contains(name(a)) && profileBefore.contains("\"application_id\":\"" + a.id() + "\""),
        profileBefore);
    assertTrue(interviewsBefore.contains("\"application_id\":\"" + a.id() + "\""), interviewsBefore);

    Stage target = next(a);
    h.sandbox.hire().moveApplication(a.id(), target.id());
    awaitPatch(list, 1);
    assertTrue(now(list).contains("\"stage_id\":\"" + target.id() + "\""), now(list));
    // Whatever the bot did to the other two, they still show the profile and the interviews.
    awaitPatch(profile, 1);
    awaitPatch(interviews, 1);
    String profileAfter = now(profile);
    assertTrue(profileAfter.contains("\"action\":\"profile.private\"") && profileAfter.contains(name(a)),
        profileAfter);
    assertFalse(profileAfter.contains("candidates.page"), profileAfter);
    assertTrue(profileAfter.contains("\"stage_id\":\"" + target.id() + "\""), "re-rendered with the new stage");
    String interviewsAfter = now(interviews);
    assertTrue(interviewsAfter.contains("My interviews") && interviewsAfter.contains(name(a)), interviewsAfter);
    assertFalse(interviewsAfter.contains("candidates.page"), interviewsAfter);
    // The job's offers list is re-read too (a candidate may have entered or left an offer stage), as offers.
    awaitPatch(offers, 1);
    String offersAfter = now(offers);
    assertTrue(offersAfter.contains("Offers · Backend Engineer"), offersAfter);
    assertFalse(offersAfter.contains("candidates.page"), offersAfter);
  }

  @Test
  @DisplayName("a profile asked for in a private chat stays that profile, contact data included, when it is re-rendered")
  void privateProfileKeepsItsViewerMode() {
    Application a = uniquelyNamed();
    Talent talent = h.sandbox.hire().talent(a.talentId()).orElseThrow();
    SentMessage profile = recorded(h.ask(MessageSpec.p2p(RECRUITER).text("candidate " + talent.name())));
    assertTrue(now(profile).contains(Phones.shown(talent)), now(profile));

    h.sandbox.hire().moveApplication(a.id(), next(a).id());
    awaitPatch(profile, 1);
    String after = now(profile);
    assertTrue(after.contains(Phones.shown(talent)) && after.contains("\"stage_id\":\"" + next(a).id() + "\""), after);
    assertFalse(after.contains("profile.private"), "no 'send me the details' button where they are shown");
  }

  @Test
  @DisplayName("Advance on page 2 of a filtered list returns page 2 of that same filter")
  void rowButtonKeepsFilterAndPage() {
    Stage first = h.sandbox.hire().stagesOf(job.id()).get(0);
    for (int i = 0; i < 14; i++) {
      Talent t = h.sandbox.hire().addTalent("Paged Person " + i, "1380000" + (1000 + i), "p" + i + "@example.com");
      h.sandbox.hire().addApplication(job.id(), t.id(), first.id());
    }
    SentMessage list = ask(RECRUITER, "candidates for BE-001 in stage " + first.enName() + " applied this week");
    JsonObject nextPage = findValue(list.currentContent().toString(), v -> "candidates.page".equals(v.getString("action"))
        && v.getInteger("page", 0) == 1);
    assertNotNull(nextPage, "a filtered list of 14+ has a second page");
    PushResult page2 = click(list, nextPage);
    String page2Card = now(list);
    assertTrue(page2Card.contains("Page 2 of"), page2Card);
    JsonObject advance = findValue(page2Card, v -> "advance".equals(v.getString("action")));
    assertNotNull(advance, page2Card);

    PushResult advanced = click(list, advance);
    assertEquals("success", advanced.jsonBody().getJsonObject("toast").getString("type"), advanced.body());
    String after = advanced.jsonBody().getJsonObject("card").getJsonObject("data").encode();
    assertTrue(after.contains("Page 2 of"), "the page the click came from: " + after);
    // The pager's Previous (the widen buttons drop one of the two filters).
    JsonObject previous = findValue(after, v -> "candidates.page".equals(v.getString("action"))
        && v.getInteger("page", -1) == 0 && v.containsKey("stages") && v.containsKey("since"));
    assertNotNull(previous, after);
    assertEquals(nextPage.getString("stages"), previous.getString("stages"), "the same stage filter");
    assertEquals(nextPage.getLong("since"), previous.getLong("since"), "the same date filter");
    assertTrue(page2.status() == 200);
  }

  @Test
  @DisplayName("Advance on a profile card returns the profile, refreshed")
  void profileActionReturnsProfile() {
    Application a = uniquelyNamed();
    SentMessage profile = ask(RECRUITER, "candidate " + name(a));
    JsonObject advance = findValue(now(profile), v -> "advance".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id")));
    assertNotNull(advance, now(profile));
    PushResult done = click(profile, advance);
    assertEquals("success", done.jsonBody().getJsonObject("toast").getString("type"), done.body());
    String card = done.jsonBody().getJsonObject("card").getJsonObject("data").encode();
    assertTrue(card.contains(name(a)) && card.contains("\"action\":\"profile.private\""), card);
    assertFalse(card.contains("candidates.page"), card);
    assertTrue(card.contains("\"stage_id\":\"" + next(a).id() + "\""), card);
  }

  @Test
  @DisplayName("in a group, Reject opens a form for the clicker alone; submitting it updates the group's card")
  void groupFormIsPrivate() {
    Application a = uniquelyNamed();
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    JsonObject reject = findValue(now(list), v -> "reject".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id")));
    assertNotNull(reject, now(list));
    PushResult opened = click(list, reject);
    assertEquals(200, opened.status(), opened.body());
    assertTrue(opened.violations().isEmpty(), opened.violations().toString());
    assertEquals(List.of(), h.sandbox.im().message(list.messageId()).orElseThrow().updates(),
        "the group's card is left as it was");
    assertFalse(opened.jsonBody().containsKey("card"), opened.body());

    var form = h.sandbox.im().ephemeralCards().stream().filter(e -> e.chatId().equals(TEAM)).findFirst()
        .orElseThrow(() -> new AssertionError("no form for the clicker: " + opened.body()));
    assertEquals(RECRUITER, form.openId());
    assertNotNull(findValue(form.card().toString(), v -> "form.close".equals(v.getString("action"))),
        "its Back button closes it, it does not replace the group's card");
    JsonObject submit = findValue(form.card().toString(), v -> "reject.confirm".equals(v.getString("action")));
    assertNotNull(submit, form.card().toString());
    String reason = h.sandbox.hire().terminationReasons().stream()
        .filter(x -> x.type() == 1 && x.activeStatus() == 1).findFirst().orElseThrow().id();
    PushResult done = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submit).formValue(new JsonObject().put("reason", reason).put("note", ""))));
    assertEquals("success", done.jsonBody().getJsonObject("toast").getString("type"), done.body());
    assertFalse(h.sandbox.hire().application(a.id()).orElseThrow().active());
    awaitPatch(list, 1);
    String group = now(list);
    assertTrue(group.contains(name(a)) && group.contains("\"action\":\"undo\""), group);
    await(h.sandbox.requests().await(r -> r.is("POST", "/open-apis/ephemeral/v1/delete") && r.status() == 200,
        TIMEOUT));
  }

  @Test
  @DisplayName("where Feishu refuses the one-member card (a topic group), the form goes to the clicker's private chat")
  void groupFormFallsBackToPrivateChat() {
    Application a = uniquelyNamed();
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    h.sandbox.faults().failNext("POST", "/open-apis/ephemeral/v1/send", 400, 230001,
        "invalid param: topic groups are not supported");
    JsonObject note = findValue(now(list), v -> "more".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id")));
    PushResult opened = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(RECRUITER)
        .tag("overflow").option("note").value(note)));
    assertEquals("info", opened.jsonBody().getJsonObject("toast").getString("type"), opened.body());
    assertTrue(opened.jsonBody().getJsonObject("toast").getString("content").contains("privately"), opened.body());
    assertEquals(List.of(), h.sandbox.im().message(list.messageId()).orElseThrow().updates());
    SentMessage form = await(h.sandbox.im().awaitMessage(m -> m.chatId().equals(ImState.p2pChatId(RECRUITER))
        && m.currentContent().toString().contains("note.submit"), TIMEOUT));

    JsonObject submit = findValue(form.currentContent().toString(), v -> "note.submit".equals(v.getString("action")));
    PushResult saved = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submit).formValue(new JsonObject().put("note", "Clear thinker"))));
    assertEquals("success", saved.jsonBody().getJsonObject("toast").getString("type"), saved.body());
    assertTrue(h.sandbox.hire().notes().stream().anyMatch(n -> n.content().equals("Clear thinker")));
    awaitPatch(list, 1);
    // The group's card now says who added a note (a notice only an outcome carries).
    assertTrue(now(list).contains("<person id=" + RECRUITER + " "), now(list));
    assertTrue(h.sandbox.im().ephemeralCards().isEmpty());
  }

  @Test
  @DisplayName("in a private chat the form replaces the card in place (only one person sees it)")
  void privateChatFormInPlace() {
    Application a = uniquelyNamed();
    SentMessage list = recorded(h.ask(MessageSpec.p2p(RECRUITER).text("candidates for BE-001")));
    JsonObject reject = findValue(now(list), v -> "reject".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id")));
    PushResult opened = click(list, reject);
    assertTrue(opened.jsonBody().getJsonObject("card").encode().contains("reject.confirm"), opened.body());
    assertEquals(0, h.sandbox.requests().count("POST", "/open-apis/ephemeral/v1/send"));
  }

  @Test
  @DisplayName("a card first sent over 14 days ago is not PATCHed, however recently it was refreshed")
  void fourteenDayWindow() {
    SentMessage old = ask("candidates for BE-001");
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> now(old).contains("\"application_id\":\"" + x.id() + "\"")).findFirst().orElseThrow();
    clock.advance(Duration.ofDays(13));
    Stage other = h.sandbox.hire().stagesOf(job.id()).stream().filter(s -> !s.id().equals(a.stageId())
        && s.type() < 5).findFirst().orElseThrow();
    Stage back = h.sandbox.hire().stagesOf(job.id()).stream().filter(s -> s.id().equals(a.stageId())).findFirst()
        .orElseThrow();
    h.sandbox.hire().moveApplication(a.id(), other.id());
    awaitPatch(old, 1);

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    SentMessage fresh = ask("candidates for BE-001");
    h.sandbox.hire().moveApplication(a.id(), back.id());
    awaitPatch(fresh, 1);
    // The fresh card's update was the same event's work; the old card got no attempt at all.
    assertEquals(1, patches(old), "no PATCH past Feishu's 14 days");
  }

  @Test
  @DisplayName("Advance answers with what it did and an Undo; the Hire event of that same move leaves the answer alone")
  void ownChangeKeepsItsNoticeAndUndo() {
    Application a = uniquelyNamed();
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    SentMessage witness = ask("candidates for BE-001");
    JsonObject advance = findValue(now(list), v -> "advance".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id")));
    assertNotNull(advance, now(list));

    PushResult done = click(list, advance);
    assertEquals("success", done.jsonBody().getJsonObject("toast").getString("type"), done.body());
    assertTrue(now(list).contains("\"action\":\"undo\""), "the answer offers Undo: " + now(list));
    // Hire fires stage_changed for the bot's own transfer_stage: the other member's list is brought up to date by it.
    awaitPatch(witness, 1);
    assertTrue(now(witness).contains("\"stage_id\":\"" + next(a).id() + "\""), now(witness));
    String after = now(list);
    assertEquals(0, patches(list), "the answer already showed the move; re-rendering it dropped its notice and Undo");
    assertTrue(after.contains("\"action\":\"undo\"") && after.contains(name(a)), "Undo still offered");
  }

  @Test
  @DisplayName("a rejection made in one chat, and its Undo, bring the job's list open in another chat up to date")
  void rejectAndRestoreRefreshOtherCards() {
    Application a = uniquelyNamed();
    // Active candidates, as the card counts them: active applications not yet onboarded (those are hires)
    java.util.Set<String> onboarded = h.sandbox.hire().stagesOf(job.id()).stream()
        .filter(s -> s.type() == io.hirebot.sandbox.hire.Stage.ONBOARDED).map(io.hirebot.sandbox.hire.Stage::id)
        .collect(java.util.stream.Collectors.toSet());
    long active = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> !onboarded.contains(x.stageId())).count();
    SentMessage elsewhere = recorded(h.ask(MessageSpec.p2p(RECRUITER).text("candidates for BE-001")));
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    assertTrue(now(elsewhere).contains("\"application_id\":\"" + a.id() + "\"")
        && now(elsewhere).contains(active + " active"), now(elsewhere));

    PushResult opened = click(list, findValue(now(list), v -> "reject".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id"))));
    assertEquals(200, opened.status(), opened.body());
    var form = h.sandbox.im().ephemeralCards().stream().filter(e -> e.chatId().equals(TEAM)).findFirst().orElseThrow();
    String reason = h.sandbox.hire().terminationReasons().stream()
        .filter(x -> x.type() == 1 && x.activeStatus() == 1).findFirst().orElseThrow().id();
    PushResult rejected = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(findValue(form.card().toString(), v -> "reject.confirm".equals(v.getString("action"))))
        .formValue(new JsonObject().put("reason", reason).put("note", "not enough experience"))));
    assertEquals("success", rejected.jsonBody().getJsonObject("toast").getString("type"), rejected.body());
    assertFalse(h.sandbox.hire().application(a.id()).orElseThrow().active());

    // Hire fires no event for a rejection: the bot brings the other card up to date itself.
    awaitPatch(elsewhere, 1);
    String afterReject = now(elsewhere);
    assertFalse(afterReject.contains("\"application_id\":\"" + a.id() + "\""), "no buttons for the rejected: "
        + afterReject);
    assertTrue(afterReject.contains((active - 1) + " active"), afterReject);

    awaitPatch(list, 1);
    JsonObject undo = findValue(now(list), v -> "undo".equals(v.getString("action")));
    assertNotNull(undo, now(list));
    PushResult restored = click(list, undo);
    assertEquals("success", restored.jsonBody().getJsonObject("toast").getString("type"), restored.body());
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active());
    awaitPatch(elsewhere, 2);
    String afterUndo = now(elsewhere);
    assertTrue(afterUndo.contains("\"application_id\":\"" + a.id() + "\"") && afterUndo.contains(active + " active"),
        afterUndo);
  }

  @Test
  @DisplayName("the banner of an Advance and its Undo stay on the card when another change of the job re-renders it")
  void bannerSurvivesARefresh() {
    Application a = uniquelyNamed();
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    PushResult done = click(list, findValue(now(list), v -> "advance".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id"))));
    assertEquals("success", done.jsonBody().getJsonObject("toast").getString("type"), done.body());
    assertTrue(now(list).contains("\"action\":\"undo\""), now(list));

    Application other = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> !x.id().equals(a.id()) && next(x) != null).findFirst().orElseThrow();
    h.sandbox.hire().moveApplication(other.id(), next(other).id());
    awaitPatch(list, 1);
    String refreshed = now(list);
    assertTrue(refreshed.contains("\"stage_id\":\"" + next(other).id() + "\""), "the other move is shown: " + refreshed);
    assertTrue(refreshed.contains("moved from") && refreshed.contains(name(a)), "the banner is kept: " + refreshed);
    JsonObject undo = findValue(refreshed, v -> "undo".equals(v.getString("action")));
    assertNotNull(undo, "its Undo is kept: " + refreshed);

    PushResult undone = click(list, undo);
    assertEquals("success", undone.jsonBody().getJsonObject("toast").getString("type"), undone.body());
    assertEquals(a.stageId(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
  }

  @Test
  @DisplayName("a kept banner goes once its Undo has expired")
  void keptBannerExpires() {
    Application a = uniquelyNamed();
    SentMessage list = ask(RECRUITER, "candidates for BE-001");
    click(list, findValue(now(list), v -> "advance".equals(v.getString("action"))
        && a.id().equals(v.getString("application_id"))));
    assertTrue(now(list).contains("\"action\":\"undo\""), now(list));

    clock.advance(Duration.ofMinutes(11));
    Application other = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> !x.id().equals(a.id()) && next(x) != null).findFirst().orElseThrow();
    h.sandbox.hire().moveApplication(other.id(), next(other).id());
    awaitPatch(list, 1);
    String refreshed = now(list);
    assertFalse(refreshed.contains("\"action\":\"undo\"") || refreshed.contains("moved from"), refreshed);
  }

  @Test
  @DisplayName("in a private chat, a job the viewer may not change lists its candidates with the profile only and says "
      + "why, re-rendered and paged alike; the same person's card in a group keeps every button")
  void privateListOfAJobTheViewerMayNotChange() {
    // GIVEN a hiring manager of other jobs, not on BE-001's team, and more than a page of BE-001 candidates
    String viewer = DemoTenant.HM_SMITH;
    assertFalse(job.recruiterId().equals(viewer) || job.hiringManagerIds().contains(viewer));
    Stage first = h.sandbox.hire().stagesOf(job.id()).get(0);
    for (int i = 0; i < 8; i++) {
      Talent t = h.sandbox.hire().addTalent("Viewed Person " + i, "1390000" + (1000 + i), "v" + i + "@example.com");
      h.sandbox.hire().addApplication(job.id(), t.id(), first.id());
    }

    // WHEN they ask for BE-001's candidates in their private chat
    SentMessage list = recorded(h.ask(MessageSpec.p2p(viewer).text("candidates for BE-001")));

    // THEN no row offers a change, each still opens the profile, and the card says why
    assertViewOnly(Shown.of((ObjectNode) h.sandbox.im().message(list.messageId()).orElseThrow().currentContent()));

    // WHEN a change of the job re-renders the card THEN it is still theirs to read only
    Application a = uniquelyNamed();
    h.sandbox.hire().moveApplication(a.id(), next(a).id());
    awaitPatch(list, 1);
    assertViewOnly(Shown.of((ObjectNode) h.sandbox.im().message(list.messageId()).orElseThrow().currentContent()));

    // WHEN they page on THEN the next page is read-only too
    JsonObject nextPage = findValue(now(list), v -> "candidates.page".equals(v.getString("action"))
        && v.getInteger("page", 0) == 1);
    assertNotNull(nextPage, now(list));
    PushResult paged = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(viewer).tag("button")
        .value(nextPage)));
    assertEquals(200, paged.status(), paged.body());
    assertTrue(now(list).contains("Page 2 of"), now(list));
    assertViewOnly(Shown.of((ObjectNode) h.sandbox.im().message(list.messageId()).orElseThrow().currentContent()));

    // AND in a group, shared by many, the same person's card keeps the buttons (the click's check still guards them)
    Shown group = Shown.of((ObjectNode) ask(viewer, "candidates for BE-001").currentContent());
    assertFalse(group.buttons("advance").isEmpty() || group.buttons("reject").isEmpty(), group.all());
    assertFalse(group.contains("View only"), group.all());
  }

  private static void assertViewOnly(Shown card) {
    assertEquals(List.of(), card.buttons("advance"), card.all());
    assertEquals(List.of(), card.buttons("reject"), card.all());
    assertFalse(card.buttons("more").isEmpty(), "each row opens the profile: " + card.all());
    assertTrue(card.contains("\"value\":\"profile\"") && !card.contains("\"value\":\"move\"")
        && !card.contains("\"value\":\"note\""), card.all());
    assertTrue(card.contains("View only: you are not on this job's hiring team"), card.all());
  }

  private PushResult click(SentMessage card, JsonObject value) {
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("button")
        .value(value)));
  }

  /** The first callback value in the card JSON matching the predicate. */
  private static JsonObject findValue(String cardJson, Predicate<JsonObject> wanted) {
    List<JsonObject> found = new ArrayList<>();
    collect(new JsonObject(cardJson), found);
    return found.stream().filter(wanted).findFirst().orElse(null);
  }

  private static void collect(Object node, List<JsonObject> into) {
    if (node instanceof JsonObject o) {
      if ("callback".equals(o.getString("type")) && o.getValue("value") instanceof JsonObject v) {
        into.add(v);
      }
      o.forEach(e -> collect(e.getValue(), into));
    } else if (node instanceof JsonArray arr) {
      arr.forEach(e -> collect(e, into));
    }
  }
}
