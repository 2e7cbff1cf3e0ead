package io.hirebot.feature.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelineFilter;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The candidates card at its largest: a full page, every row in its own stage, every optional part shown. */
class CandidatesCardLimitsTest {
  private final ObjectMapper json = new ObjectMapper();
  private final Messages messages = Messages.load();
  private final CandidatesCard card = new CandidatesCard(new Cards(CardTemplates.load(json, Optional.empty()), json),
      messages, Clock.systemUTC());
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName("a full page over 10 stages with outcome, undo, chips, widen buttons, notice and pager stays within 200 elements")
  void largestPageWithinLimits() {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      stages.add(new Stage("st" + i, "阶段" + i, "Stage number " + i, StageType.INTERVIEW));
    }
    Job job = new Job("job1", "BE-001", "Backend Engineer", "p1", true);
    JobProcess process = new JobProcess("p1", "流程", "Process", stages);
    Instant applied = Instant.parse("2026-11-02T08:00:00Z");
    List<Application> rows = new ArrayList<>();
    for (int i = 0; i < CandidatesFeature.PAGE_SIZE; i++) {
      rows.add(new Application("app" + i, job.id(), "t" + i, "Candidate With A Long Name " + i, stages.get(i), true,
          applied, applied));
    }
    List<PipelinePage.StageCount> counts = stages.stream().map(s -> new PipelinePage.StageCount(s, 7)).toList();
    // A long date-filtered list that was read only in part adds its note to the card.
    PipelinePage page = new PipelinePage(job, process, counts, rows, 1, CandidatesFeature.PAGE_SIZE, 70, 0,
        new PipelinePage.DateScan(100, 1340));
    CandidatesQuery query = new CandidatesQuery(job.id(),
        new PipelineFilter(Set.of("st0", "st1", "st2", "st3", "st4", "st5", "st6", "st7"), applied),
        "This job has no stage like “x”, so all stages are shown.");
    ObjectNode undo = json.createObjectNode().put("action", "undo").put(ActionKit.UNDO_UNTIL, Long.MAX_VALUE);
    // A rejection's notice in every language (and dated), kept in the view that the Follow button carries.
    Notice rejected = Notice.undoable(l -> rejection(l, "10:32"), l -> rejection(l, "Mon Nov 30 23:58"), undo, applied);
    for (Language lang : Language.values()) {
      ObjectNode rendered = card.render(page, query, lang, rejected, new Audience(true, false, SHANGHAI));
      int elements = CardLimits.elements(rendered);
      System.out.println("candidates card, largest page, " + lang + ": " + elements + " elements, "
          + rendered.toString().getBytes(StandardCharsets.UTF_8).length + " B");
      assertEquals(List.of(), CardLimits.violations(rendered, rendered.toString()));
      assertTrue(elements > 180, "the page is really full: " + elements);
      assertTrue(rendered.path("config").has("locales"), "the card, notice included, reads in both languages");

      // AND with the longest note the form takes (Chinese: 3 bytes a character), it still fits (in one language)
      ObjectNode noted = card.render(page, query, lang, rejected.withNote("很".repeat(NoteActions.MAX_NOTE)),
          new Audience(true, false, SHANGHAI));
      assertEquals(List.of(), CardLimits.violations(noted, noted.toString()));
    }
  }

  private String rejection(Language lang, String when) {
    Markdown.Own by = new Markdown.Own(Markdown.person("ou_0123456789abcdef0123456789abcdef") + " · " + when);
    return Markdown.message(messages, lang, "notice.rejected", "Candidate With A Long Name 0",
        lang == Language.ZH ? "技能不匹配" : "Skills do not match", by);
  }
}
