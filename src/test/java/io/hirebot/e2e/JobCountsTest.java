package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jobs card counts each active application once, however Hire's application lists arrive: a next page that
 * repeats ids already given, a page refused with a rate limit and retried, two people asking at once. Backend
 * Engineer (BE-001) has 21 active candidates in the demo tenant; a fuzzing session once saw 38. A fresh bot per
 * test, so that no list cached by another test stands in for the one read here.
 */
class JobCountsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String APPLICATIONS = "/open-apis/hire/v1/applications";
  private static final AtomicInteger SENDERS = new AtomicInteger();
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  /** BE-001's active candidates as the sandbox holds them: active applications outside an onboarded stage. */
  private int backendActive() {
    var hire = h.sandbox.hire();
    String jobId = hire.jobByCode("BE-001").orElseThrow().id();
    Set<String> onboarded = hire.stagesOf(jobId).stream().filter(s -> s.type() == Stage.ONBOARDED)
        .map(Stage::id).collect(Collectors.toSet());
    return (int) hire.applicationsOfJob(jobId).stream().filter(a -> a.active() && !onboarded.contains(a.stageId()))
        .count();
  }

  private MessageSpec asked(String text) {
    return MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
  }

  /**
   * The card as it ends up: a read longer than the reply deadline (every list read twice here) first shows the
   * interim "still waiting" card, then the outcome in its place.
   */
  private String shown(SentMessage reply) {
    return h.answered(reply).currentContent().toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"jobs | {0} active: ", "职位 | 进行中 {0} 人：",
      "candidates for job BE-001 | {0} active"})
  @DisplayName("a Hire list whose next page repeats ids already given counts each application once")
  void repeatedPageCountedOnce(String text, String row) {
    // GIVEN Hire answers every application list's first page with a token that starts the list over
    int active = backendActive();
    assertEquals(21, active, "the demo tenant's BE-001");
    h.sandbox.faults().repeatingPages(APPLICATIONS);

    // WHEN someone asks
    String card = shown(h.ask(asked(text)));

    // THEN each application counts once: 21, not 42
    assertTrue(card.contains(row.replace("{0}", String.valueOf(active))), card);
    assertFalse(card.contains(row.replace("{0}", String.valueOf(2 * active))), card);
  }

  @Test
  @DisplayName("an application list page refused with a rate limit and retried counts each application once")
  void rateLimitedPageRetried() {
    // GIVEN Hire refuses the first application list call with its rate limit (the bot waits and asks again)
    int active = backendActive();
    h.sandbox.faults().failNext("GET", APPLICATIONS, 429, 99991400, "request trigger frequency limit");

    String card = shown(h.ask(asked("jobs")));

    assertTrue(card.contains(active + " active: "), card);
    assertTrue(h.sandbox.requests().all().stream().anyMatch(r -> r.path().equals(APPLICATIONS) && r.status() == 429),
        "the refusal happened");
  }

  @Test
  @DisplayName("a job nobody is applying to costs the jobs card one application list, not one per stage and one more")
  void unfilledJobsOneListEach() {
    // GIVEN 4 open jobs with BE-001's process (8 stages) and no application, and BE-001 with 21 active candidates
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    int stages = hire.stagesOf(backend.id()).size();
    assertEquals(8, stages, "the demo tenant's process");
    int unfilled = 4;
    Set<String> unfilledIds = new java.util.HashSet<>();
    for (int i = 0; i < unfilled; i++) {
      unfilledIds.add(hire.addJob("Unfilled Role " + i, "UF-00" + i, backend.processId(), DemoTenant.RECRUITER_LI,
          DemoTenant.HM_ZHANG).id());
    }

    // WHEN someone asks for those jobs, then for BE-001's
    String card = shown(h.ask(asked("jobs Unfilled Role")));
    String busy = shown(h.ask(asked("jobs BE-001")));

    // THEN each unfilled job shows no candidates, for one list call of its whole job: not 9 (8 stages and the whole job)
    for (int i = 0; i < unfilled; i++) {
      assertTrue(card.contains("Unfilled Role " + i), card);
    }
    assertTrue(card.contains("No active candidates") && !card.contains(" active: "), card);
    assertEquals(unfilled, applicationLists(unfilledIds), "one list per job nobody applied to");
    // AND a job with candidates still reads each stage (Hire's list gives ids only), counted as before
    assertTrue(busy.contains(backendActive() + " active: "), busy);
    assertEquals(stages + 1, applicationLists(Set.of(backend.id())), "BE-001: its stages and its whole job");
  }

  /** The application list calls Hire answered for these jobs (retries of a refused page aside). */
  private long applicationLists(Set<String> jobIds) {
    return h.sandbox.requests().all().stream().filter(r -> r.path().equals(APPLICATIONS) && r.status() == 200)
        .filter(r -> jobIds.contains(r.queryParam("job_id"))).count();
  }

  @Test
  @DisplayName("two jobs commands at once, sharing the lists being read, each count each application once")
  void concurrentCommands() {
    int active = backendActive();
    List<PushResult> pushes = List.of(await(h.sandbox.events().message(asked("jobs"))),
        await(h.sandbox.events().message(asked("职位"))));

    String en = shown(h.replyTo(pushes.get(0)));
    String zh = shown(h.replyTo(pushes.get(1)));

    assertTrue(en.contains(active + " active: "), en);
    assertTrue(zh.contains("进行中 " + active + " 人："), zh);
  }
}
