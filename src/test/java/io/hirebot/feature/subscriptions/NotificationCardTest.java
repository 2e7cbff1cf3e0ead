package io.hirebot.feature.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardLimits;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.cards.SharedActions;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The new-applications notification at its largest: more people than it lists, long names, both languages. */
class NotificationCardTest {
  private final ObjectMapper json = new ObjectMapper();
  private final NotificationCard cards = new NotificationCard(new Cards(CardTemplates.load(json, Optional.empty()),
      json), Messages.load(), new DateTexts(ZoneId.of("Asia/Shanghai"), Clock.systemUTC()), Clock.systemUTC());

  @Test
  @DisplayName("more new applications than a card lists: a Profile button beside each listed person, the rest summed "
      + "up in a line, one Show candidates, in both languages and within Feishu's limits; a held batch still names them")
  void profilesCappedWithinLimits() {
    Job job = new Job("job1", "BE-001", "Backend Engineer", "p1", true);
    Stage screening = new Stage("st0", "简历筛选", "Resume Screening", StageType.INTERVIEW);
    Instant applied = Instant.parse("2026-11-02T08:00:00Z");
    int more = 3;
    List<Application> fresh = IntStream.range(0, NotificationCard.MAX_NEW_ROWS + more)
        .mapToObj(i -> new Application("app" + i, job.id(), "t" + i, "Candidate With A Rather Long Name Number " + i,
            screening, true, applied, applied)).toList();

    NotificationCard.Notification n = cards.newApplications(job, fresh, Language.EN);

    String text = n.card().toString();
    List<JsonNode> profiles = n.card().findValues("value").stream()
        .filter(v -> SharedActions.PROFILE_OPEN.equals(v.path("action").asText())).toList();
    assertEquals(IntStream.range(0, NotificationCard.MAX_NEW_ROWS).mapToObj(i -> "t" + i).toList(),
        profiles.stream().map(v -> v.path("talent_id").asText()).toList(), text);
    assertEquals(1, n.card().findValues("value").stream()
        .filter(v -> SharedActions.CANDIDATES_SHOW.equals(v.path("action").asText())).count(), text);
    assertTrue(text.contains("… and " + more + " more.") && text.contains("还有 " + more + " 份"), text);
    assertTrue(text.contains("\"locales\":[\"en_us\",\"zh_cn\"]") && text.contains("查看档案"), text);
    assertEquals(List.of(), CardLimits.violations(n.card(), text));
    assertTrue(n.held().summaries().get(Language.EN).contains("Number 0"), n.held().toString());
  }
}
