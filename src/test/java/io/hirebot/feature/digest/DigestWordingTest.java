package io.hirebot.feature.digest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.bot.Reply;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a digest's words say: the footer explains only what the card shows, and dates read as on every other card. */
class DigestWordingTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant UNTIL = Instant.parse("2026-11-30T01:00:00Z");
  private static final Instant SINCE = UNTIL.minus(Duration.ofDays(1));
  private final ObjectMapper json = new ObjectMapper();
  private final DigestCard card = new DigestCard(new Cards(CardTemplates.load(json, Optional.empty()), json),
      Messages.load());
  private final Stage screen = new Stage("st_screen", "筛选", "Screening", StageType.SCREENING);
  private final Job job = new Job("job_be", "BE-001", "Backend Engineer", "p", true);

  private String digest(Instant stageEntered, Language lang) {
    return digest(stageEntered, screen, lang);
  }

  /** The digest with Alice Chen new in {@code freshIn}, Bob Zhou in screening since {@code stageEntered}. */
  private String digest(Instant stageEntered, Stage freshIn, Language lang) {
    Application fresh = new Application("a1", job.id(), "t1", "Alice Chen", freshIn, true, UNTIL.minusSeconds(600),
        UNTIL.minusSeconds(600));
    Application old = new Application("a2", job.id(), "t2", "Bob Zhou", screen, true, SINCE.minus(Duration.ofDays(40)),
        stageEntered);
    PipelinePage page = new PipelinePage(job, new JobProcess("p", "流程", "Process", List.of(screen, freshIn)), List.of(),
        List.of(fresh, old), 0, 100, 2, 0, null);
    return ((Reply.Card) card.render(List.of(page), List.of(), "", Map.of(), List.of(),
        new DigestCard.Period(SINCE, UNTIL, ZONE), lang)).card().toString();
  }

  @Test
  @DisplayName("no one stuck: the footer does not explain 'Stuck'; someone stuck: it does")
  void stuckExplainedOnlyWhenShown() {
    String calm = digest(SINCE.minus(Duration.ofDays(3)), Language.EN);
    assertFalse(calm.contains("Stuck"), calm);
    assertTrue(calm.contains("Times in Asia/Shanghai"), calm);
    String stuck = digest(SINCE.minus(Duration.ofDays(30)), Language.EN);
    assertTrue(stuck.contains("⏳ Stuck (1)") && stuck.contains("Stuck: over 14 days in one stage"), stuck);
    String calmZh = digest(SINCE.minus(Duration.ofDays(3)), Language.ZH);
    assertFalse(calmZh.contains("停滞"), calmZh);
  }

  @Test
  @DisplayName("the digest's dates are the one date form of every card (DateTexts), in both languages")
  void oneDateForm() {
    DateTexts dates = new DateTexts(ZONE, Clock.fixed(UNTIL, ZONE));
    for (Language lang : Language.values()) {
      String text = digest(SINCE.minus(Duration.ofDays(3)), lang);
      assertTrue(text.contains(dates.dateTime(UNTIL, lang)), dates.dateTime(UNTIL, lang) + " not in " + text);
      assertTrue(text.contains(dates.dateTime(SINCE, lang)), dates.dateTime(SINCE, lang) + " not in " + text);
    }
  }

  @Test
  @DisplayName("a job's heading counts its active candidates in the words every other card uses (进行中)")
  void activeCountWords() {
    String zh = digest(SINCE.minus(Duration.ofDays(3)), Language.ZH);
    assertTrue(zh.contains("进行中 2 人"), zh);
    assertFalse(zh.contains("在途"), zh);
  }

  @Test
  @DisplayName("a Chinese digest brackets and lists Chinese words with full-width punctuation, as its headings do "
      + "(on main: \"🆕 新投递（7）：Alice 0 (筛选), Alice 1 (筛选) 另有 2 人\"), and a list cut short ends "
      + "as Chinese does (…等 7 人); English keeps its own")
  void chinesePunctuation() {
    // GIVEN seven new applications (five are named), an interview today for each, and a quiet job besides
    List<Application> fresh = new java.util.ArrayList<>();
    List<io.hirebot.hire.Interview> today = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Application a = new Application("a" + i, job.id(), "t" + i, "Alice " + i, screen, true, UNTIL.minusSeconds(600),
          UNTIL.minusSeconds(600));
      fresh.add(a);
      Instant at = UNTIL.plus(Duration.ofHours(1 + i));
      today.add(new io.hirebot.hire.Interview("i" + i, a.id(), screen.id(), at, at.plus(Duration.ofHours(1)),
          List.of(), 0));
    }
    PipelinePage page = new PipelinePage(job, new JobProcess("p", "流程", "Process", List.of(screen)), List.of(), fresh,
        0, 100, 7, 0, null);

    String zh = shown(card.render(List.of(page), today, new DigestCard.Period(SINCE, UNTIL, ZONE), Language.ZH));
    String en = shown(card.render(List.of(page), today, new DigestCard.Period(SINCE, UNTIL, ZONE), Language.EN));

    // THEN the Chinese lines read in full-width brackets and enumeration commas
    assertTrue(zh.contains("🆕 新投递（7）：Alice 0（筛选）、Alice 1（筛选）、Alice 2（筛选）、Alice 3（筛选）、Alice 4（筛选）等 7 人"), zh);
    assertTrue(zh.contains("🗓 今日面试（7）：Alice 0 10:00、Alice 1 11:00、"), zh);
    assertTrue(zh.contains("Alice 4 14:00 等 7 人"), zh);
    assertFalse(java.util.regex.Pattern.compile("\\([^()]*\\p{IsHan}[^()]*\\)").matcher(zh).find(), zh);
    // AND the English ones as before
    assertTrue(en.contains("🆕 New (7): Alice 0 (Screening), Alice 1 (Screening), Alice 2 (Screening), "
        + "Alice 3 (Screening), Alice 4 (Screening) +2 more"), en);
    assertTrue(en.contains("Alice 4 14:00 +2 more"), en);
  }

  /** The texts a reader sees on the digest in the language it was written in. */
  private static String shown(Reply reply) {
    return ((Reply.Card) reply).card().findValues("content").stream().map(c -> c.asText())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  @DisplayName("a stage is named as in the job's process (Talent Reserve, 人才储备); one Hire gave no name is called by "
      + "its kind ('Other', 其他), never by its id")
  void stagesByName() {
    Stage reserve = new Stage("st_reserve", "人才储备", "Talent Reserve", StageType.OTHER);
    assertTrue(digest(SINCE.minus(Duration.ofDays(3)), reserve, Language.EN).contains("Alice Chen (Talent Reserve)"));
    assertTrue(digest(SINCE.minus(Duration.ofDays(3)), reserve, Language.ZH).contains("Alice Chen（人才储备）"));
    Stage nameless = new Stage("st_nameless", "", "", StageType.OTHER);
    String en = digest(SINCE.minus(Duration.ofDays(3)), nameless, Language.EN);
    assertTrue(en.contains("Alice Chen (Other)") && !en.contains("st_nameless"), en);
    String zh = digest(SINCE.minus(Duration.ofDays(3)), nameless, Language.ZH);
    assertTrue(zh.contains("其他") && !zh.contains("st_nameless"), zh);
  }
}
