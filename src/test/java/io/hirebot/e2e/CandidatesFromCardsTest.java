package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.cards.SharedActions;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job's candidates opened from another card's "Show candidates" button (the jobs card, a notification, a digest).
 * Feishu's JSON 2.0 cards are shared: in a group, a card replaced by one member's click is replaced for everyone, so
 * there the list arrives as a new message replying to the card, which stays as it was, as a profile does. A "Which
 * job?" picker answers the clicker's own question and a private chat has one reader: there the list takes the card's
 * place, as before.
 *
 * <p>A bot per test: the class's requests are mostly Li's, and on one bot they passed the per-user budget
 * ({@code UserRateLimit}: 10 at once, then 30 a minute) once the cards answered in well under a second.
 */
class CandidatesFromCardsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;

  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();
  private final CardThreads threads = new CardThreads(h);

  private SentMessage inGroup(String user, String text) {
    SentMessage reply = h.ask(MessageSpec.group(TEAM).from(user).mentioningBot().text(text));
    assertEquals("interactive", reply.msgType(), reply.toString());
    return reply;
  }

  private Job job(String code) {
    return h.sandbox.hire().jobByCode(code).orElseThrow();
  }

  /** The "Show candidates" button of {@code job} on the card. */
  private static JsonNode showCandidates(SentMessage card, Job job) {
    return card.currentContent().findValues("value").stream().filter(JsonNode::isObject)
        .filter(v -> SharedActions.CANDIDATES_SHOW.equals(v.path("action").asText()))
        .filter(v -> job.id().equals(v.path("job_id").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no Show candidates for " + job.title() + ": " + card.currentContent()));
  }

  /** The list posted below {@code card}: a candidates card of {@code job}, in the group. */
  private SentMessage listBelow(SentMessage card, Job job) {
    SentMessage list = threads.awaitReplyTo(card);
    assertEquals(TEAM, list.chatId());
    String text = list.currentContent().toString();
    assertTrue(CardThreads.title(list.currentContent()).contains(job.title()), text);
    assertTrue(text.contains(SharedActions.CANDIDATES_PAGE) || text.contains("\"advance\""),
        "a candidates list: " + text);
    return list;
  }

  @Test
  @DisplayName("in a group, 候选人 on the jobs card (职位) leaves the jobs card as it was for everyone and posts the "
      + "job's candidates as a reply to it, with a toast saying so in both languages")
  void jobsCardStays() {
    // GIVEN the jobs card in the team group, asked for in Chinese
    SentMessage jobs = inGroup(DemoTenant.RECRUITER_LI, "职位");
    h.awaitCardRecorded(jobs.messageId());
    Job backend = job("BE-001");

    // WHEN another member clicks 候选人 on Backend Engineer
    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.HM_ZHANG, showCandidates(jobs,
        backend))));

    // THEN the jobs card is the jobs card still
    threads.unchanged(jobs, click);
    // and the clicker is told where the list went, in both languages, not "Page 1"
    JsonObject i18n = CardThreads.infoToast(click, "below", "下方");
    assertFalse(i18n.getString("en_us").contains("Page"), i18n.encode());
    // and the list is a new message in the group, replying to the jobs card
    listBelow(jobs, backend);
    assertEquals(1, threads.repliesTo(jobs).size(), "one list: " + threads.repliesTo(jobs));
  }

  @Test
  @DisplayName("in a group, the same Show candidates click delivered twice (a double click) posts one list")
  void doubleClickPostsOnce() {
    SentMessage jobs = inGroup(DemoTenant.RECRUITER_LI, "jobs");
    h.awaitCardRecorded(jobs.messageId());
    JsonNode show = showCandidates(jobs, job("FE-001"));

    Future<PushResult> first = h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.RECRUITER_WANG, show));
    Future<PushResult> second = h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.RECRUITER_WANG, show));
    await(Future.all(first, second));
    // and once more after both were answered (a callback Feishu retried late)
    PushResult third = await(h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.RECRUITER_WANG, show)));

    threads.unchanged(jobs, first.result());
    threads.unchanged(jobs, second.result());
    threads.unchanged(jobs, third);
    listBelow(jobs, job("FE-001"));
    assertEquals(1, threads.repliesTo(jobs).size(), "one list: " + threads.repliesTo(jobs));
  }

  @Test
  @DisplayName("the list a group click posted is a candidates card like any: its Advance acts on it in place")
  void postedListWorks() {
    SentMessage jobs = inGroup(DemoTenant.RECRUITER_LI, "jobs");
    h.awaitCardRecorded(jobs.messageId());
    Job ds = job("DS-001");
    await(h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.RECRUITER_LI, showCandidates(jobs, ds))));
    SentMessage list = listBelow(jobs, ds);
    h.awaitCardRecorded(list.messageId());

    JsonNode advance = list.currentContent().findValues("value").stream()
        .filter(v -> "advance".equals(v.path("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no Advance on " + list.currentContent()));
    PushResult done = await(h.sandbox.events().cardAction(CardThreads.button(list, DemoTenant.RECRUITER_LI, advance)));
    assertEquals("success", CardThreads.toast(done).getString("type"), done.body());
    assertNotNull(done.jsonBody().getJsonObject("card"), "the list's own click answers in place: " + done.body());
    assertTrue(threads.repliesTo(list).isEmpty(), "no message below the list: " + threads.repliesTo(list));
  }

  @Test
  @DisplayName("in a group, Show candidates on a stage-change notification leaves it as it was and posts the list "
      + "below it")
  void notificationStays() {
    // GIVEN the group follows PM-001 and a candidate of it moves in Hire
    h.ask(MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot().text("subscribe job PM-001"));
    Job pm = job("PM-001");
    Application a = h.sandbox.hire().applicationsOfJob(pm.id()).stream().filter(Application::active).findFirst()
        .orElseThrow();
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    Stage target = h.sandbox.hire().stagesOf(pm.id()).stream()
        .filter(s -> !s.id().equals(a.stageId()) && s.type() != Stage.ONBOARDED).findFirst().orElseThrow();
    h.sandbox.hire().moveApplication(a.id(), target.id());
    SentMessage notice = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(name), TIMEOUT));

    // WHEN a member clicks its Show candidates
    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(notice, DemoTenant.HM_CHEN, showCandidates(notice,
        pm))));

    // THEN the notification stays, and the list is posted below it
    threads.unchanged(notice, click);
    listBelow(notice, pm);
  }

  @Test
  @DisplayName("in a group, Show candidates on the digest leaves the digest as it was and posts the list below it")
  void digestStays() {
    // GIVEN the group follows BE-002, which has a new applicant, and asks for its digest
    h.ask(MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot().text("subscribe job BE-002"));
    Job be2 = job("BE-002");
    var hire = h.sandbox.hire();
    hire.addApplication(be2.id(), hire.addTalent("Digest Reader", "13677700011", "digest.reader@example.com").id(),
        hire.stagesOf(be2.id()).get(0).id());
    SentMessage digest = inGroup(DemoTenant.RECRUITER_LI, "digest now");
    h.awaitCardRecorded(digest.messageId());

    // WHEN a member clicks the job's Show candidates on it

    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(digest, DemoTenant.HM_CHEN, showCandidates(digest,
        be2))));

    // THEN the digest stays, and the list is posted below it
    threads.unchanged(digest, click);
    listBelow(digest, be2);
  }

  @Test
  @DisplayName("in a group, a \"Which job?\" picker answers its asker's question in place: the list replaces the "
      + "picker, and nothing is posted below it")
  void pickerAnswersInPlace() {
    SentMessage picker = inGroup(DemoTenant.RECRUITER_LI, "candidates for engineer");
    assertTrue(picker.currentContent().toString().contains("Which job?"), picker.currentContent().toString());
    h.awaitCardRecorded(picker.messageId());
    Job frontend = job("FE-001");

    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(picker, DemoTenant.RECRUITER_LI,
        showCandidates(picker, frontend))));

    assertEquals(200, click.status(), click.body());
    assertNotNull(click.jsonBody().getJsonObject("card"), "the picker is answered in place: " + click.body());
    assertTrue(CardThreads.title(threads.now(picker).currentContent()).contains(frontend.title()), threads.now(picker).currentContent().toString());
    assertTrue(threads.repliesTo(picker).isEmpty(), "nothing posted below the picker: " + threads.repliesTo(picker));
  }

  @Test
  @DisplayName("in a private chat, Show candidates on the jobs card replaces it with the list, as before")
  void privateJobsCardInPlace() {
    SentMessage jobs = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("jobs"));
    h.awaitCardRecorded(jobs.messageId());
    Job backend = job("BE-001");

    PushResult click = await(h.sandbox.events().cardAction(CardThreads.button(jobs, DemoTenant.RECRUITER_LI,
        showCandidates(jobs, backend))));

    assertNotNull(click.jsonBody().getJsonObject("card"), "in place in a private chat: " + click.body());
    assertTrue(CardThreads.title(threads.now(jobs).currentContent()).contains(backend.title()), threads.now(jobs).currentContent().toString());
    assertTrue(threads.repliesTo(jobs).isEmpty(), "no second message in a private chat");
  }
}
