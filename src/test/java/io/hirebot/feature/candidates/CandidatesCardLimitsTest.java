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
import io.hirebot.i18n.Names;
import io.hirebot.sandbox.card.CardValidator;
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

  @Test
  @DisplayName("a page whose rows carry 800-character names: every row listed, named by its first 100 characters as "
      + "every name is, buttons on the first rows only (as many as fit, halving: each button's value carries the whole "
      + "name), and a line saying so and how to open the others")
  void longNamesKeepRowsDropButtons() {
    // GIVEN a full page in screening (every row offers Advance, Reject and its menu) of people named at length
    PipelinePage page = page(SCREENING, i -> "Candidate " + i + " " + "Long-Named ".repeat(79));
    for (Language lang : Language.values()) {
      // WHEN the card is drawn (on main: 48,436 B, refused: "card candidates breaks Feishu limits")
      ObjectNode rendered = card.render(page, everyone(page), lang, null, new Audience(false, false, SHANGHAI));

      // THEN Feishu takes it, every row is there with its name cut, and the first rows keep their buttons
      assertFeishuTakes(rendered);
      for (Application a : page.applications()) {
        assertTrue(rendered.toString().contains("**" + Names.of(a.talentName()) + "**"), a.talentName());
      }
      List<String> withMenu = named(rendered, RowActions.MORE);
      System.out.println("candidates card, 800-character names, " + lang + ": buttons on " + withMenu.size()
          + " rows, " + rendered.toString().getBytes(StandardCharsets.UTF_8).length + " B");
      assertTrue(withMenu.size() >= 1 && withMenu.size() < page.applications().size(), withMenu.toString());
      assertEquals(page.applications().stream().limit(withMenu.size()).map(Application::talentName).toList(), withMenu);
      assertEquals(withMenu, named(rendered, RowActions.REJECT));
      assertTrue(rendered.toString().contains(lang == Language.EN ? "only the first " + withMenu.size() + " rows have"
          : "仅前 " + withMenu.size() + " 行保留按钮"), rendered.toString());
    }
  }

  @Test
  @DisplayName("a page whose rows carry 2,000-character Chinese names in a stage Hire named at length outside the "
      + "process: every row still listed, named by its first 100 characters, buttons on the first rows only, and a "
      + "line saying how to open a candidate")
  void longerNamesKeepRows() {
    // GIVEN a full page of people whose names are more than 30 KB on their own (4-byte characters: a card shows the
    // first 100 of a name and of the stage's name, cut as every name is; each button's value carries the whole name)
    Stage removed = new Stage("st_removed", "很长的阶段名".repeat(400), "", StageType.INTERVIEW);
    PipelinePage page = page(removed, i -> "候选人" + i + "号" + "很长的名字" + "𠮷".repeat(1_990));
    for (Language lang : Language.values()) {
      // WHEN the card is drawn (on main: 202,782 B, refused: "card candidates breaks Feishu limits")
      ObjectNode rendered = card.render(page, everyone(page), lang, null, new Audience(false, false, SHANGHAI));

      // THEN Feishu takes it, every row is still listed (its name cut), and the card says how to act
      assertFeishuTakes(rendered);
      for (Application a : page.applications()) {
        assertTrue(rendered.toString().contains("**" + Names.of(a.talentName()) + "**"), a.talentName());
      }
      System.out.println("candidates card, 2,000-character names, " + lang + ": "
          + rendered.toString().getBytes(StandardCharsets.UTF_8).length + " B");
      assertEquals(page.applications().size(), rowLines(rendered), rendered.toString());
      assertTrue(named(rendered, RowActions.MORE).size() < page.applications().size());
      assertTrue(rendered.toString().contains(lang == Language.EN ? "type “candidate” and the name"
          : "请输入“候选人”加姓名"), rendered.toString());
    }
  }

  private static final Stage SCREENING = new Stage("st_screen", "初筛", "Screening", StageType.SCREENING);
  private static final Stage INTERVIEW = new Stage("st_interview", "面试", "Interview", StageType.INTERVIEW);

  /**
   * A full page of Backend Engineer (process: screening, interview), everyone in {@code stage}, the {@code i}th person
   * named {@code name.apply(i)}.
   */
  private static PipelinePage page(Stage stage, java.util.function.IntFunction<String> name) {
    Job job = new Job("job1", "BE-001", "Backend Engineer", "p1", true);
    JobProcess process = new JobProcess("p1", "流程", "Process", List.of(SCREENING, INTERVIEW));
    Instant applied = Instant.parse("2026-11-02T08:00:00Z");
    List<Application> rows = new ArrayList<>();
    for (int i = 0; i < CandidatesFeature.PAGE_SIZE; i++) {
      rows.add(new Application("app" + i, job.id(), "t" + i, name.apply(i), stage, true, applied, applied));
    }
    return new PipelinePage(job, process, List.of(new PipelinePage.StageCount(SCREENING, 8),
        new PipelinePage.StageCount(INTERVIEW, 0)), rows, 0, CandidatesFeature.PAGE_SIZE, 8, 0, null);
  }

  private static CandidatesQuery everyone(PipelinePage page) {
    return new CandidatesQuery(page.job().id(), PipelineFilter.NONE, "");
  }

  /** Within the limits Feishu checks, by our count and by the sandbox's, which answers as Feishu does. */
  private static void assertFeishuTakes(ObjectNode rendered) {
    assertEquals(List.of(), CardLimits.violations(rendered, rendered.toString()));
    CardValidator.validate(rendered.toString(), rendered);
  }

  /** The names carried by the card's buttons of {@code action}, in card order. */
  private static List<String> named(ObjectNode rendered, String action) {
    return rendered.findValues("value").stream().filter(v -> action.equals(v.path("action").asText()))
        .map(v -> v.path("name").asText()).toList();
  }

  /** How many candidate rows the card lists: its column sets that start with a row's line. */
  private static int rowLines(ObjectNode rendered) {
    int n = 0;
    for (com.fasterxml.jackson.databind.JsonNode e : rendered.path("body").path("elements")) {
      n += "column_set".equals(e.path("tag").asText()) && e.path("columns").path(0).path("elements").path(0)
          .path("content").asText().startsWith("**候选人") ? 1 : 0;
    }
    return n;
  }

  private String rejection(Language lang, String when) {
    Markdown.Own by = new Markdown.Own(Markdown.person("ou_0123456789abcdef0123456789abcdef") + " · " + when);
    return Markdown.message(messages, lang, "notice.rejected", "Candidate With A Long Name 0",
        lang == Language.ZH ? "技能不匹配" : "Skills do not match", by);
  }
}
