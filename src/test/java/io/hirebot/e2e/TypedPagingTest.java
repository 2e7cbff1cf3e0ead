package io.hirebot.e2e;

import static io.hirebot.e2e.Replies.card;
import static io.hirebot.e2e.Replies.title;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paging typed in words ("page 2", "next page", "下一页") after any card with a pager, over the wire: the reply is that
 * card at the page asked for, as its pager's button would show it, whatever the card (a profile, the jobs, offers,
 * interviews or tasks card), not only after a candidates list.
 */
class TypedPagingTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY = 86_400_000L;
  /** More rows than one page (10) of each list card; a profile shows 4 applications a page, so 3 pages. */
  private static final int MORE_THAN_A_PAGE = 11;
  private static final int MANY_APPLICATIONS = 9;
  private static final String BUSY = "Busy Pager";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static final AtomicInteger SENDERS = new AtomicInteger();

  @BeforeAll
  static void seed() {
    // Seeded before any command runs, so no cached read predates it.
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Job ds = hire.jobByCode("DS-001").orElseThrow();
    String interview = stage(backend, Stage.INTERVIEW);
    String offer = stage(ds, Stage.OFFER);
    long tomorrow = LocalDate.now(ZONE).plusDays(1).atTime(10, 0).atZone(ZONE).toInstant().toEpochMilli();
    for (int i = 0; i < MORE_THAN_A_PAGE; i++) {
      hire.addJob("Paging Role " + i, "PG-0" + (10 + i), backend.processId(), DemoTenant.RECRUITER_LI,
          DemoTenant.HM_ZHANG);
      Talent offered = hire.addTalent("Offer Pager " + i, "1391000000" + i, "offer.pager" + i + "@example.com");
      hire.addOffer(hire.addApplication(ds.id(), offered.id(), offer).id(), 6);
      Talent met = hire.addTalent("Interview Pager " + i, "1392000000" + i, "interview.pager" + i + "@example.com");
      Application a = hire.addApplication(backend.id(), met.id(), interview);
      // Tomorrow's interviews fill the schedule; yesterday's owe Zhang his feedback (his tasks).
      hire.addInterview(a.id(), tomorrow + i * 3_600_000L, DemoTenant.INTERVIEWER_ZHAO);
      hire.addInterview(a.id(), tomorrow - 2 * DAY, DemoTenant.HM_ZHANG);
    }
    Talent busy = hire.addTalent(BUSY, "13610000000", "busy.pager@example.com");
    List<Job> open = hire.jobs().stream().filter(j -> j.activeStatus() == 1).toList();
    for (int i = 0; i < MANY_APPLICATIONS; i++) {
      Job job = open.get(i % open.size());
      hire.addApplication(job.id(), busy.id(), hire.stagesOf(job.id()).get(0).id());
    }
  }

  private static String stage(Job job, int type) {
    return h.sandbox.hire().stagesOf(job.id()).stream().filter(s -> s.type() == type).findFirst().orElseThrow().id();
  }

  /** A fresh member of the team group, so each test's conversation (and rate limit) is its own. */
  private static String member() {
    return "ou_user_pager_" + SENDERS.incrementAndGet();
  }

  private static SentMessage say(String user, String text) {
    // As it ends up: on a loaded machine "jobs" can outlast the reply deadline, and a follow-up typed while it shows
    // "still waiting" rightly finds no list to page (CI saw "最后一页" asked "which job?" so).
    SentMessage reply = h.answered(h.ask(MessageSpec.group(TEAM).from(user).mentioningBot().text(text)));
    assertTrue(reply.isReply(), reply.toString());
    return reply;
  }

  private static SentMessage privately(String user, String text) {
    return h.answered(h.ask(MessageSpec.p2p(user).text(text)));
  }



  @Test
  @DisplayName("a profile, then \"page 2\": the profile's second page of applications; \"下一页\" its third, in Chinese")
  void profile() {
    String user = member();
    SentMessage first = say(user, "candidate " + BUSY);
    assertTrue(card(first).contains("Page 1 of 3"), card(first));

    SentMessage second = say(user, "page 2");
    assertTrue(title(second).contains(BUSY), title(second));
    assertTrue(card(second).contains("Page 2 of 3"), card(second));

    SentMessage third = say(user, "下一页");
    assertTrue(title(third).contains(BUSY), title(third));
    assertTrue(card(third).contains("第 3/3 页"), card(third));
  }

  @Test
  @DisplayName("jobs, then \"下一页\": the jobs card's second page, in Chinese; \"previous page\" its first again")
  void jobs() {
    String user = member();
    SentMessage first = say(user, "jobs");
    assertTrue(card(first).contains("Page 1 of 2"), card(first));

    SentMessage second = say(user, "下一页");
    assertTrue(card(second).contains("在招职位"), card(second));
    assertTrue(card(second).contains("第 2/2 页"), card(second));

    SentMessage back = say(user, "previous page");
    assertTrue(card(back).contains("Open jobs") && card(back).contains("Page 1 of 2"), card(back));
  }

  @Test
  @DisplayName("a job's offers, then \"next page\": the offers card's second page")
  void offers() {
    String user = member();
    SentMessage first = say(user, "offers for DS-001");
    assertTrue(card(first).contains("Page 1 of "), card(first));

    SentMessage second = say(user, "next page");
    assertTrue(title(second).contains("Offers"), title(second));
    assertTrue(card(second).contains("Page 2 of "), card(second));
  }

  @Test
  @DisplayName("interviews, then \"page 2\": the schedule's second page")
  void interviews() {
    String user = member();
    SentMessage first = say(user, "interviews");
    assertTrue(card(first).contains("Page 1 of "), card(first));

    SentMessage second = say(user, "page 2");
    assertTrue(title(second).contains("Interviews"), title(second));
    assertTrue(card(second).contains("Page 2 of "), card(second));
  }

  @Test
  @DisplayName("an interviewer's \"my interviews\" privately, then \"next page\": their second page, as the pager's "
      + "click would show them (not refused as a command about others' interviews)")
  void interviewersOwnSchedule() {
    SentMessage first = privately(DemoTenant.INTERVIEWER_ZHAO, "my interviews");
    assertTrue(card(first).contains("Page 1 of "), card(first));

    SentMessage second = privately(DemoTenant.INTERVIEWER_ZHAO, "next page");
    assertTrue(title(second).contains("My interviews"), title(second));
    assertTrue(card(second).contains("Page 2 of "), card(second));
  }

  @Test
  @DisplayName("我的待办 privately, then \"下一页\": the asker's tasks, second page")
  void tasks() {
    SentMessage first = privately(DemoTenant.HM_ZHANG, "我的待办");
    assertTrue(card(first).contains("第 1/"), card(first));

    SentMessage second = privately(DemoTenant.HM_ZHANG, "下一页");
    assertTrue(title(second).contains("我的待办"), title(second));
    assertTrue(card(second).contains("第 2/"), card(second));
  }

  @Test
  @DisplayName("\"next page\" on a profile's last page says there is none, in the user's words; the profile still "
      + "follows (\"page 1\")")
  void pastTheLastPage() {
    String user = member();
    say(user, "candidate " + BUSY);
    assertTrue(card(say(user, "page 3")).contains("Page 3 of 3"));

    SentMessage none = say(user, "next page");
    assertEquals("text", none.msgType(), none.content().toString());
    assertTrue(none.text().contains("3 pages") && none.text().contains("no page 4"), none.text());

    SentMessage zh = say(user, "第9页");
    assertTrue(zh.text() != null && zh.text().contains("没有第 9 页"), zh.content().toString());

    SentMessage first = say(user, "page 1");
    assertTrue(title(first).contains(BUSY) && card(first).contains("Page 1 of 3"), card(first));
  }

  @Test
  @DisplayName("\"page 2\" after a card with no pages (a pipeline) asks which job, saying there is no list to page "
      + "here, not that a list of candidates was expected")
  void nothingToPage() {
    String user = member();
    say(user, "pipeline for BE-001");

    SentMessage asked = say(user, "page 2");
    String text = card(asked);
    assertTrue(text.contains("Which job?"), text);
    assertTrue(text.contains("no list to page"), text);
    assertFalse(text.contains("continues a list of candidates"), text);
    assertTrue(text.contains("Backend Engineer (BE-001)"), "the jobs are offered as before: " + text);
  }

  /** "Page 3 of 5": whether the card shows its final page. */
  private static final Pattern PAGE_OF = Pattern.compile("Page (\\d+) of (\\d+)");

  private static boolean onItsLastPage(String card) {
    Matcher m = PAGE_OF.matcher(card);
    return m.find() && m.group(1).equals(m.group(2));
  }

  /** {@code user} opens the first row's profile from a candidates card (the row's ⋯ menu, Profile): the profile. */
  private static String openProfile(SentMessage list, String user) {
    JsonNode more = list.currentContent().findValues("value").stream()
        .filter(v -> "more".equals(v.path("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no row menu on " + list.currentContent()));
    PushResult opened = BotHarness.await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(user)
        .tag("overflow").option("profile").value(new JsonObject(more.toString()))));
    assertEquals(200, opened.status(), opened.body());
    String profile = opened.jsonBody().getJsonObject("card").getJsonObject("data").encode();
    assertTrue(profile.contains("Back to the list"), profile);
    return profile;
  }

  @Test
  @DisplayName("privately, a profile opened from page 2 of a list, then \"back\": that list at page 2, as the profile's "
      + "Back button shows it, not the profile's previous page; \"返回\" the same, in Chinese")
  void backToTheList() {
    // A private chat: a profile opened on a group's list is a new message below it, with no Back (the list is above).
    String user = DemoTenant.RECRUITER_LI;
    privately(user, "candidates for BE-001");
    SentMessage second = privately(user, "next page");
    assertTrue(card(second).contains("Page 2 of "), card(second));
    h.awaitCardRecorded(second.messageId());
    openProfile(second, user);

    SentMessage back = privately(user, "back");
    assertTrue(title(back).contains("Backend Engineer"), title(back));
    assertTrue(card(back).contains("Page 2 of "), card(back));

    h.awaitCardRecorded(back.messageId());
    openProfile(back, user);
    SentMessage zh = privately(user, "返回");
    assertTrue(title(zh).contains("Backend Engineer"), title(zh));
    assertTrue(card(zh).contains("第 2/"), card(zh));
  }

  @Test
  @DisplayName("\"back\" with no list to go back to: the previous page of a card with pages, else the question")
  void backWithoutAList() {
    String user = member();
    say(user, "candidate " + BUSY);
    say(user, "page 3");
    SentMessage back = say(user, "back");
    assertTrue(title(back).contains(BUSY) && card(back).contains("Page 2 of 3"), card(back));

    say(user, "pipeline for BE-001");
    SentMessage asked = say(user, "back");
    assertTrue(card(asked).contains("no list to page"), card(asked));
  }

  @Test
  @DisplayName("\"last page\" is the card's final page (not the previous one), whatever the card; \"最后一页\" too")
  void lastPage() {
    String user = member();
    say(user, "candidate " + BUSY);
    SentMessage last = say(user, "last page");
    assertTrue(title(last).contains(BUSY) && card(last).contains("Page 3 of 3"), card(last));

    say(user, "jobs");
    SentMessage zh = say(user, "最后一页");
    assertTrue(card(zh).contains("第 2/2 页"), card(zh));

    say(user, "candidates for BE-001");
    SentMessage list = say(user, "go to the last page");
    assertTrue(title(list).contains("Backend Engineer") && onItsLastPage(card(list)), card(list));
  }
}
