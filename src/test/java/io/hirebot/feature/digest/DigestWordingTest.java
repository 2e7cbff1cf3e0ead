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
    DateTexts dates = new DateTexts(ZONE);
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
  @DisplayName("a stage is named as in the job's process (Talent Reserve, 人才储备); one Hire gave no name is called by "
      + "its kind ('Other', 其他), never by its id")
  void stagesByName() {
    Stage reserve = new Stage("st_reserve", "人才储备", "Talent Reserve", StageType.OTHER);
    assertTrue(digest(SINCE.minus(Duration.ofDays(3)), reserve, Language.EN).contains("Alice Chen (Talent Reserve)"));
    assertTrue(digest(SINCE.minus(Duration.ofDays(3)), reserve, Language.ZH).contains("Alice Chen (人才储备)"));
    Stage nameless = new Stage("st_nameless", "", "", StageType.OTHER);
    String en = digest(SINCE.minus(Duration.ofDays(3)), nameless, Language.EN);
    assertTrue(en.contains("Alice Chen (Other)") && !en.contains("st_nameless"), en);
    String zh = digest(SINCE.minus(Duration.ofDays(3)), nameless, Language.ZH);
    assertTrue(zh.contains("其他") && !zh.contains("st_nameless"), zh);
  }
}
