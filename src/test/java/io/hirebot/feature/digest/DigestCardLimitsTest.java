package io.hirebot.feature.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Reply;
import io.hirebot.cards.CardLimits;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireTask;
import io.hirebot.hire.Job;
import io.hirebot.hire.TaskBoard;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A digest for a chat following many busy jobs stays within Feishu's limits. */
class DigestCardLimitsTest {
  private final ObjectMapper json = new ObjectMapper();
  private final DigestCard card = new DigestCard(new Cards(CardTemplates.load(json, Optional.empty()), json),
      Messages.load());

  private static final Instant UNTIL = Instant.parse("2026-11-30T01:00:00Z");
  private static final Instant SINCE = UNTIL.minusSeconds(86_400);

  /**
   * {@code jobs} busy jobs, each with 8 candidates (new, moved, at the offer stage, stuck), every offer with the
   * longest status text, and 6 overdue tasks of 3 people.
   */
  private record Busy(List<PipelinePage> pipelines, java.util.Map<String, io.hirebot.hire.Offer> offers,
      List<TaskBoard.Waiting> waiting) {
    static Busy of(int jobs, java.util.function.IntFunction<String> title,
        java.util.function.IntFunction<String> name) {
      Instant until = UNTIL;
      Instant since = SINCE;
      Stage offer = new Stage("st_offer", "Offer", "Offer", StageType.OFFER);
      Stage screen = new Stage("st_screen", "筛选", "Screening", StageType.SCREENING);
      JobProcess process = new JobProcess("p", "流程", "Process", List.of(screen, offer));
      List<PipelinePage> pipelines = new ArrayList<>();
      java.util.Map<String, io.hirebot.hire.Offer> offers = new java.util.HashMap<>();
      List<TaskBoard.Waiting> waiting = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        Job job = new Job("job" + j, "JB-" + j, title.apply(j), "p", true);
        List<Application> apps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          apps.add(new Application("a" + j + "_" + i, job.id(), "t" + i, name.apply(i), i % 2 == 0 ? screen : offer,
              true, i < 4 ? until.minusSeconds(600) : since.minusSeconds(86_400 * 30), since.minusSeconds(86_400 * 20)));
        }
        pipelines.add(new PipelinePage(job, process, List.of(), apps, 0, 100, apps.size(), 0, null));
        for (int i = 0; i < 6; i++) {
          HireTask.Kind kind = HireTask.Kind.values()[i % 3];
          waiting.add(new TaskBoard.Waiting("ou_person_" + (i % 3), new HireTask(kind, "task" + j + "_" + i, job.id(),
              "t" + i, apps.get(i).id()), apps.get(i), job.title(), since.minusSeconds(86_400L * (2 + i))));
        }
        apps.forEach(a -> offers.put(a.id(), new io.hirebot.hire.Offer("o" + a.id(), a.id(), 5, "", null)));
      }
      return new Busy(pipelines, offers, waiting);
    }
  }

  private ObjectNode render(Busy busy, int jobs, Language lang) {
    return ((Reply.Card) card.render(busy.pipelines().subList(0, jobs), List.of(), "", busy.offers(), busy.waiting(),
        new DigestCard.Period(SINCE, UNTIL, ZoneId.of("Asia/Shanghai")), lang)).card();
  }

  @Test
  @DisplayName("60 jobs with new, moved, offer, stuck candidates and overdue tasks of 3 people each: 30 shown in full, "
      + "8 person rows in all, the rest named on one line")
  void manyJobs() {
    Busy busy = Busy.of(60, j -> "Job with a fairly long title number " + j, i -> "Candidate Name " + i);
    for (Language lang : Language.values()) {
      ObjectNode rendered = render(busy, 60, lang);
      System.out.println("digest of 60 jobs, " + lang + ": " + CardLimits.elements(rendered) + " elements, "
          + rendered.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
      assertEquals(List.of(), CardLimits.violations(rendered, rendered.toString()));
      // The jobs left out are counted and named (the list itself is cut at 1,000 characters).
      assertTrue(rendered.toString().contains("JB-30") && rendered.toString().contains(" 30 "), rendered.toString());
      // Too busy for person rows: each job keeps its "waiting on the team" line.
      assertTrue(rendered.toString().contains(lang == Language.EN ? "Waiting on the team (6)" : "等待团队处理（6）"));
      assertEquals(0, rendered.findValues("user_id").size());
      // A chat following five of those jobs sees who owes what: person rows up to the card's budget.
      ObjectNode five = render(busy, 5, lang);
      assertEquals(DigestCard.MAX_WAITING_PEOPLE, five.findValues("user_id").size());
      // AND the rows are shared among the jobs: each of the five names who owes it something (QA: the first jobs
      // took every row, and the later ones said only "+3 more people")
      String json = five.toString();
      for (int j = 0; j < 5; j++) {
        int from = json.indexOf("(JB-" + j + ")");
        int to = j == 4 ? json.length() : json.indexOf("(JB-" + (j + 1) + ")");
        assertTrue(from >= 0 && json.substring(from, to).contains("user_id"), "no person row for JB-" + j + ": " + json);
      }
      assertEquals(List.of(), CardLimits.violations(five, five.toString()));
    }
  }

  @ParameterizedTest(name = "{0} jobs")
  @ValueSource(ints = {1, 5, 30, 60})
  @DisplayName("busy jobs with 40-character Chinese titles and 10-character names: the digest still comes, within "
      + "Feishu's limits, with fewer jobs in full and the rest counted (30 of them in full broke 30 KB: not sent)")
  void longTitles(int jobs) {
    Busy busy = Busy.of(60, j -> "高级后端开发工程师（支付与结算平台方向）".repeat(2) + j, i -> "欧阳候选人名字很长的人" + i);
    for (Language lang : Language.values()) {
      ObjectNode rendered = render(busy, jobs, lang);
      String text = rendered.toString();
      assertEquals(List.of(), CardLimits.violations(rendered, text), lang + ": " + text.length());
      // Every job is accounted for: shown in full (with its button), or counted on the line naming the rest.
      long inFull = rendered.findValues("value").stream().filter(v -> "candidates.show".equals(v.path("action")
          .asText())).map(v -> v.path("job_id").asText()).distinct().count();
      System.out.println("digest of " + jobs + " long-titled jobs, " + lang + ": " + inFull + " in full, "
          + CardLimits.elements(rendered) + " elements, " + text.getBytes(StandardCharsets.UTF_8).length + " bytes");
      assertTrue(inFull >= Math.min(jobs, 4), inFull + " in full");
      if (inFull < jobs) {
        String more = lang == Language.EN ? "and " + (jobs - inFull) + " more job" : "另有 " + (jobs - inFull) + " 个职位";
        assertTrue(text.contains(more), more + " in " + text);
      }
    }
  }
}
