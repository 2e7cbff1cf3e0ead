package io.hirebot.feature.interviews;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.INTERVIEW;
import static io.hirebot.testing.SmallTenant.INTERVIEWER_LIU;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Application;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Person;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the interviews card and the profile say of an interview's outcome when Hire's interview_round_summary does not
 * match the clock: one still to come has not happened, one held whose code Hire left unset (0) waits for feedback.
 */
class InterviewResultTest {
  private static final Person LIU = new Person(INTERVIEWER_LIU, "刘洋", "Liu Yang");
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::interviews, TestFeatures::profile);

  private void interview(String name, Instant begin, int summary, List<Interview.Feedback> feedback) {
    Application a = h.hire.addApplication(BACKEND, h.hire.addTalent(name, "139" + Math.abs(name.hashCode()),
        Math.abs(name.hashCode()) + "@example.com"), INTERVIEW, begin.minus(Duration.ofDays(7)));
    h.hire.addInterview(new Interview("interview_" + a.id(), a.id(), INTERVIEW.id(), begin,
        begin.plus(Duration.ofHours(1)), feedback, summary));
  }

  @Test
  @DisplayName("an interview to come reads \"scheduled\" whatever Hire's code (on main: code 0 read \"feedback in "
      + "progress\"), on the interviews card and the profile, EN and ZH")
  void toComeIsScheduled() {
    // GIVEN interviews tomorrow whose code Hire left unset (0), and one with code 3 (none evaluated)
    Instant tomorrow = dayAt(1, 15);
    interview("Una Unset", tomorrow, 0, List.of(new Interview.Feedback(LIU, false)));
    interview("Nia None", tomorrow.plus(Duration.ofHours(2)), 3, List.of(new Interview.Feedback(LIU, false)));

    // WHEN the team looks at tomorrow's interviews and at the profiles
    Shown en = h.inGroup("interviews tomorrow");
    Shown zh = h.inGroup("明天的面试");
    Shown una = h.inGroup("candidate Una Unset");
    Shown unaZh = h.inGroup("候选人 Una Unset");
    Shown nia = h.inGroup("candidate Nia None");

    // THEN each says the interview is scheduled, never that feedback is under way
    for (Shown card : List.of(en, una, nia)) {
      assertTrue(card.contains("scheduled"), card.all());
      assertFalse(card.contains("feedback in progress") || card.contains("no feedback yet"), card.all());
    }
    for (Shown card : List.of(zh, unaZh)) {
      assertTrue(card.contains("未开始"), card.all());
      assertFalse(card.contains("评价进行中") || card.contains("待评价"), card.all());
    }
  }

  @Test
  @DisplayName("an interview held whose code Hire left unset (0) reads \"awaiting feedback\"; one whose interviewers "
      + "all handed theirs in reads \"feedback submitted\", EN and ZH")
  void heldWithUnsetCode() {
    // GIVEN two interviews yesterday with code 0: one listing no interviewer, one whose only interviewer submitted
    Instant yesterday = dayAt(-1, 10);
    interview("Hana Held", yesterday, 0, List.of());
    interview("Sam Submitted", yesterday.plus(Duration.ofHours(2)), 0, List.of(new Interview.Feedback(LIU, true)));

    Shown en = h.inGroup("interviews yesterday");
    Shown zh = h.inGroup("昨天的面试");
    Shown hana = h.inGroup("candidate Hana Held");
    Shown sam = h.inGroup("candidate Sam Submitted");

    assertTrue(row(en, "Hana Held").contains("awaiting feedback"), en.all());
    assertTrue(row(zh, "Hana Held").contains("待提交面评"), zh.all());
    assertTrue(hana.contains("awaiting feedback"), hana.all());
    assertTrue(row(en, "Sam Submitted").contains("feedback submitted"), en.all());
    assertTrue(row(zh, "Sam Submitted").contains("面评已提交"), zh.all());
    assertTrue(sam.contains("feedback submitted"), sam.all());
    for (Shown card : List.of(en, hana, sam)) {
      assertFalse(card.contains("feedback in progress"), card.all());
    }
  }

  @Test
  @DisplayName("an interview listing no interviewer says so on the interviews card and the profile (on main: an empty "
      + "name, \"👥  · …\" and \"· ·\"), EN and ZH")
  void noInterviewerListed() {
    // GIVEN an interview held yesterday that Hire lists without any interviewer
    Instant yesterday = dayAt(-1, 10);
    interview("Nora Nobody", yesterday, 0, List.of());

    // WHEN the team looks at yesterday's interviews and at her profile
    Shown en = h.inGroup("interviews yesterday");
    Shown zh = h.inGroup("昨天的面试");
    Shown profile = h.inGroup("candidate Nora Nobody");
    Shown profileZh = h.inGroup("候选人 Nora Nobody");

    // THEN each says no interviewer is listed, and no line shows an empty name between separators
    for (Shown card : List.of(en, profile)) {
      assertTrue(card.contains("no interviewer listed"), card.all());
    }
    for (Shown card : List.of(zh, profileZh)) {
      assertTrue(card.contains("未安排面试官"), card.all());
    }
    for (Shown card : List.of(en, zh, profile, profileZh)) {
      assertFalse(card.all().contains("👥  ·") || card.all().contains("·  ·"), card.all());
    }
  }

  /** {@code hour} o'clock {@code days} from today, in the harness's zone. */
  private static Instant dayAt(int days, int hour) {
    return LocalDate.now(FeatureHarness.ZONE).plusDays(days).atTime(hour, 0).atZone(FeatureHarness.ZONE).toInstant();
  }

  /** The text of the card's row about {@code name}. */
  private static String row(Shown card, String name) {
    return card.card().findValues("content").stream().map(c -> c.asText()).filter(c -> c.contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in " + card.all()));
  }
}
