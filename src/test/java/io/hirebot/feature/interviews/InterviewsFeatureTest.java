package io.hirebot.feature.interviews;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.INTERVIEW;
import static io.hirebot.testing.SmallTenant.INTERVIEWER_LIU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.command.Period;
import io.hirebot.hire.Application;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Person;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interviews card: which day, whose, and its pager, against a small Hire tenant. */
class InterviewsFeatureTest {
  private static final Person LIU = new Person(INTERVIEWER_LIU, "刘洋", "Liu Yang");
  private static final Person ZHAO = new Person("ou_interviewer_zhao", "赵敏", "Zhao Min");
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::interviews);

  private void interview(String id, Instant begin, Person... interviewers) {
    interview(id, begin, false, interviewers);
  }

  private Application interview(String id, Instant begin, boolean submitted, Person... interviewers) {
    Application a = h.hire.addApplication(BACKEND, h.hire.addTalent("Candidate " + id, "1360000" + id, id + "@example.com"),
        INTERVIEW, begin.minus(Duration.ofDays(7)));
    h.hire.addInterview(new Interview("interview_" + id, a.id(), INTERVIEW.id(), begin, begin.plus(Duration.ofHours(1)),
        List.of(interviewers).stream().map(p -> new Interview.Feedback(p, submitted)).toList(), 0));
    return a;
  }

  @Test
  @DisplayName("a page of interviews of 50-person panels names five of each panel and counts the rest, so all ten rows "
      + "fit one card, in EN and ZH")
  void largePanelsCounted() {
    // GIVEN ten interviews today, each of a 50-person panel whose names Hire gives at 100 characters
    LocalDate today = LocalDate.now(FeatureHarness.ZONE);
    Person[] panel = new Person[50];
    for (int p = 0; p < panel.length; p++) {
      panel[p] = new Person("ou_panel_" + p, ("面试官" + p + "号").repeat(20).substring(0, 100),
          ("Interviewer " + p + " ").repeat(10).substring(0, 100));
    }
    for (int i = 0; i < 10; i++) {
      interview(String.format("%04d", i), today.atTime(9 + i, 0).atZone(FeatureHarness.ZONE).toInstant(), panel);
    }

    Shown en = h.inGroup("interviews today");
    Shown zh = h.inGroup("今天的面试");

    // THEN each card lists all ten, each row naming five of its panel and counting the other 45 (on main before the
    // count, the Chinese card, at three bytes a character, had room for only some of the rows)
    assertTrue(en.isCard() && !en.all().contains("Showing") && en.all().contains("Candidate 0009")
        && en.all().contains("and 45 more") && !en.all().contains("Interviewer 5 "), en.all());
    assertTrue(zh.isCard() && !zh.all().contains("仅显示") && zh.all().contains("Candidate 0009")
        && zh.all().contains("另 45 人") && !zh.all().contains("面试官5号"), zh.all());
  }

  @Test
  @DisplayName("interviews today: today's interviews in Asia/Shanghai, EN and ZH")
  void interviewsToday() {
    // GIVEN two interviews today in Shanghai (and Carol's tomorrow)
    LocalDate today = LocalDate.now(FeatureHarness.ZONE);
    interview("0001", today.atTime(9, 0).atZone(FeatureHarness.ZONE).toInstant(), LIU);
    interview("0002", today.atTime(23, 0).atZone(FeatureHarness.ZONE).toInstant(), ZHAO);

    Shown en = h.inGroup("interviews today");
    Shown zh = h.inGroup("今天的面试");

    assertTrue(en.subtitle().startsWith("2 interviews"), en.all());
    assertTrue(zh.subtitle().startsWith("2 场面试"), zh.all());
    assertTrue(en.contains("Asia/Shanghai"), en.all());
  }

  @Test
  @DisplayName("in a chat that set America/Los_Angeles (the bot's zone Asia/Shanghai): today is Los Angeles' day and the "
      + "times are Los Angeles', when asked, on its pager and re-rendered")
  void chatsOwnZone() {
    // GIVEN 10:00 in Shanghai, the day before in Los Angeles, where the team chat is; an interview 12 hours ago (this
    // morning in Los Angeles) and one in 8 hours (tonight in Shanghai, tomorrow in Los Angeles)
    ZoneId la = ZoneId.of("America/Los_Angeles");
    h.advanceToNext(LocalTime.of(10, 0));
    h.zone(FeatureHarness.TEAM_CHAT, la);
    Instant ours = h.clock.instant().minus(Duration.ofHours(12));
    interview("0001", ours, LIU);
    interview("0002", h.clock.instant().plus(Duration.ofHours(8)), ZHAO);

    // WHEN the team asks for today's interviews, clicks the card's pager, and the card is drawn again
    Shown asked = h.inGroup("interviews today");
    ObjectNode view = InterviewsFeature.view(JsonNodeFactory.instance.objectNode(), Period.TODAY, false, 0,
        Language.EN);
    Shown clicked = h.click(view, FeatureHarness.ALICE).card();
    Shown living = h.rerender(view, FeatureHarness.ALICE);

    // THEN each lists Los Angeles' today at Los Angeles' times, and says so
    for (Shown card : List.of(asked, clicked, living)) {
      assertTrue(card.contains("Candidate 0001") && !card.contains("Candidate 0002"), card.all());
      assertTrue(card.contains(DateTexts.dateTime(ours, h.clock.instant().atZone(la), Language.EN)), card.all());
      assertTrue(card.subtitle().endsWith("America/Los_Angeles"), card.subtitle());
    }
    // AND a chat that set no zone still reads Shanghai's
    Shown shanghai = h.inGroup("oc_other", FeatureHarness.ALICE, "interviews today");
    assertTrue(shanghai.contains("Candidate 0002") && !shanghai.contains("Candidate 0001"), shanghai.all());
  }

  @Test
  @DisplayName("interviews tomorrow mine: only the asker's, paginated; the next button shows page 2")
  void myInterviewsTomorrowPaged() {
    // GIVEN Liu interviews Carol tomorrow and 11 more people, Zhao one other
    LocalDate tomorrow = LocalDate.now(FeatureHarness.ZONE).plusDays(1);
    for (int i = 0; i < 11; i++) {
      interview(String.format("%04d", i), tomorrow.atTime(7 + i, 0).atZone(FeatureHarness.ZONE).toInstant(), LIU, ZHAO);
    }
    interview("0099", tomorrow.atTime(8, 30).atZone(FeatureHarness.ZONE).toInstant(), ZHAO);

    Shown card = h.privately(INTERVIEWER_LIU, "my interviews tomorrow");
    assertTrue(card.title().startsWith("My interviews"), card.title());
    assertTrue(card.contains("Page 1 of 2 · 12 in all"), card.all());

    Shown next = h.click(card.button("interviews.page", "page", 1), INTERVIEWER_LIU).card();
    assertTrue(next.contains("Page 2 of 2"), next.all());
    assertEquals(false, next.contains("Candidate 0099"), "Zhao's own interview is not Liu's");
  }

  @Test
  @DisplayName("the upcoming schedule counts the feedback still owed for the last 7 days' interviews (not \"0 missing\" "
      + "from the days ahead), for the asker's own with \"mine\"; a past day counts its own")
  void missingFeedbackCounted() {
    // GIVEN interviews held yesterday, 3 and 5 days ago whose feedback never came, and one 20 days ago
    LocalDate today = LocalDate.now(FeatureHarness.ZONE);
    interview("0001", today.minusDays(1).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(), LIU);
    interview("0002", today.minusDays(3).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(), ZHAO);
    interview("0003", today.minusDays(5).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(), ZHAO);
    interview("0004", today.minusDays(20).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(), ZHAO);

    // WHEN the team looks at what is coming
    Shown upcoming = h.inGroup("interviews");
    Shown tomorrow = h.inGroup("interviews tomorrow");
    Shown zh = h.inGroup("面试安排");
    Shown mine = h.privately(INTERVIEWER_LIU, "my interviews");

    // THEN the header says what is owed from the last 7 days, whatever the days ahead hold, and that the card does
    // not list those interviews (none of the rows is flagged: the reader is not to look for them there)
    assertTrue(upcoming.subtitle().startsWith(
        "1 interview · 3 interviews held in the last 7 days missing feedback, not listed here"), upcoming.subtitle());
    assertFalse(upcoming.contains("feedback missing from"), upcoming.all());
    assertTrue(tomorrow.subtitle().startsWith(
        "1 interview · 3 interviews held in the last 7 days missing feedback, not listed here"), tomorrow.subtitle());
    assertTrue(zh.subtitle().startsWith("1 场面试 · 近 7 天有 3 场已结束的面试缺面评（未列出）· 时间为"), zh.subtitle());
    assertTrue(mine.subtitle().startsWith(
        "1 interview · 1 interview held in the last 7 days missing feedback, not listed here"), mine.subtitle());
    // AND a day in the past counts the interviews it shows
    Shown yesterday = h.inGroup("interviews yesterday");
    assertTrue(yesterday.subtitle().startsWith("1 interview · 1 missing feedback"), yesterday.subtitle());
  }

  @Test
  @DisplayName("a schedule of several pages counts the missing feedback of all its pages and says how many are on the "
      + "page shown (the exploratory pass: \"6 missing feedback\" over a page that flagged none), EN and ZH")
  void missingFeedbackOnThisPage() {
    // GIVEN 12 interviews yesterday, three of them still missing feedback: the 4th, the 11th and the 12th
    LocalDate yesterday = LocalDate.now(FeatureHarness.ZONE).minusDays(1);
    for (int i = 0; i < 12; i++) {
      interview(String.format("%04d", i), yesterday.atTime(8 + i, 0).atZone(FeatureHarness.ZONE).toInstant(),
          i != 3 && i < 10, LIU);
    }

    Shown first = h.inGroup("interviews yesterday");
    Shown second = h.click(first.button("interviews.page", "page", 1), INTERVIEWER_LIU).card();
    Shown zh = h.inGroup("昨天的面试");

    // THEN each page's header gives the schedule's count and the page's own, which its rows flag
    assertTrue(first.subtitle().startsWith("12 interviews · 3 missing feedback (1 on this page) · "), first.subtitle());
    assertEquals(1, flagged(first), first.all());
    assertTrue(second.subtitle().startsWith("12 interviews · 3 missing feedback (2 on this page) · "),
        second.subtitle());
    assertEquals(2, flagged(second), second.all());
    assertTrue(zh.subtitle().startsWith("12 场面试 · 3 场缺面评（本页 1 场）· "), zh.subtitle());
  }

  @Test
  @DisplayName("a schedule on one page, or whose page shows all its missing feedback, gives the count alone")
  void missingFeedbackAllShown() {
    // GIVEN 12 interviews yesterday whose only missing feedback is on the first page
    LocalDate yesterday = LocalDate.now(FeatureHarness.ZONE).minusDays(1);
    for (int i = 0; i < 12; i++) {
      interview(String.format("%04d", i), yesterday.atTime(8 + i, 0).atZone(FeatureHarness.ZONE).toInstant(),
          i != 0, LIU);
    }

    Shown first = h.inGroup("interviews yesterday");
    Shown second = h.click(first.button("interviews.page", "page", 1), INTERVIEWER_LIU).card();

    assertTrue(first.subtitle().startsWith("12 interviews · 1 missing feedback · "), first.subtitle());
    assertTrue(second.subtitle().startsWith("12 interviews · 1 missing feedback (0 on this page) · "),
        second.subtitle());
  }

  @Test
  @DisplayName("an interview to come whose application has since ended (rejected in Hire after it was scheduled) is "
      + "listed, flagged for cancelling rather than \"scheduled\", EN and ZH; one already held is not flagged")
  void endedApplicationFlagged() {
    // GIVEN 李洋's interview tomorrow and Candidate 0002's yesterday, both applications since rejected in Hire, and
    // Candidate 0003's tomorrow, still active
    LocalDate today = LocalDate.now(FeatureHarness.ZONE);
    Application li = interview("0001", today.plusDays(1).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(),
        false, LIU);
    Application held = interview("0002", today.minusDays(1).atTime(10, 0).atZone(FeatureHarness.ZONE).toInstant(),
        true, ZHAO);
    interview("0003", today.plusDays(1).atTime(14, 0).atZone(FeatureHarness.ZONE).toInstant(), false, ZHAO);
    h.hire.terminated(li.id());
    h.hire.terminated(held.id());

    // WHEN the team looks at this week's and tomorrow's interviews
    Shown en = h.inGroup("interviews tomorrow");
    Shown zh = h.inGroup("明天的面试");

    // THEN the ended application's row is still there, and says it ended and where to cancel; the other's does not
    assertTrue(row(en, "Candidate 0001").contains("⚠️ application ended — cancel it in Feishu Hire"), en.all());
    assertFalse(row(en, "Candidate 0003").contains("application ended"), en.all());
    assertTrue(row(zh, "Candidate 0001").contains("⚠️ 投递已终止，请在飞书招聘中取消面试"), zh.all());
    assertFalse(row(zh, "Candidate 0003").contains("投递已终止"), zh.all());
    // AND an interview already held is not one to cancel
    Shown past = h.inGroup("interviews yesterday");
    assertFalse(row(past, "Candidate 0002").contains("application ended"), past.all());
  }

  /** The text of the card's row about {@code name}, in the card's own language. */
  private static String row(Shown card, String name) {
    return card.card().findValues("content").stream().map(c -> c.asText()).filter(c -> c.contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in " + card.all()));
  }

  /** The rows flagged as missing feedback, in the card's own language. */
  private static long flagged(Shown card) {
    return card.card().findValues("content").stream().filter(c -> c.asText().contains("feedback missing from"))
        .count();
  }
}
