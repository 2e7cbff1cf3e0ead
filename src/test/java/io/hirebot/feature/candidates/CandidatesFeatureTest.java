package io.hirebot.feature.candidates;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.INTERVIEW;
import static io.hirebot.testing.SmallTenant.PROCESS;
import static io.hirebot.testing.SmallTenant.SCREENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Toast;
import io.hirebot.cards.CardLimits;
import io.hirebot.cards.FlowTexts;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The candidates card's filters and pager against a small Hire tenant. */
class CandidatesFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates);

  @Test
  @DisplayName("candidates in a stage: only that stage's candidates, the filter shown as chips with a button to widen it")
  void candidatesInStage() {
    // GIVEN Backend Engineer with Alice and Bob in screening, and more than a page in interview
    SmallTenant.addLaterPeople(h.hire, h.clock);

    // WHEN someone asks for the screening stage only
    Shown card = h.inGroup("candidates for Backend Engineer in screening");

    // THEN only screening's two candidates are listed, the filter a chip
    assertTrue(card.contains("stage: **Screening**"), card.all());
    assertTrue(card.contains("\"**Screening** · 2"), card.all());
    assertTrue(card.contains("**Alice Chen** · applied") && card.contains("**Bob Zhou** · applied"), card.all());
    for (String outside : List.of("Carol Wu", "Later Person 0")) {
      assertFalse(card.contains("**" + outside + "** · applied"), outside + " is not in screening");
    }
    // WHEN the "All stages" chip button is clicked THEN the list widens to every stage
    Shown widened = h.click(card.buttons("candidates.page").get(0), FeatureHarness.ALICE).card();
    assertFalse(widened.contains("stage: **"), widened.all());
    assertTrue(widened.contains("Page 1 of 2"), "the whole job needs a pager: " + widened.all());
  }

  @Test
  @DisplayName("上周投递 后端 还在初筛的: job, stage and last week's dates understood and shown as chips, in Chinese")
  void chineseFilters() {
    // GIVEN a job titled in Chinese with a candidate in screening
    Job backendZh = h.hire.addJob(new Job("job_backend_zh", "BE-002", "后端开发工程师", PROCESS.id(), true),
        new JobTeam("job_backend_zh", SmallTenant.RECRUITER_WANG, List.of(), List.of()));
    h.hire.addApplication(backendZh, h.hire.addTalent("李雷", "13900000001", "lilei@example.com"), SCREENING,
        h.clock.instant().minus(Duration.ofDays(3)));

    Shown card = h.inGroup("上周投递 后端 还在初筛的");
    LocalDate monday = LocalDate.now(FeatureHarness.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1);

    assertTrue(card.title().contains("后端开发工程师"), card.title());
    assertTrue(card.contains("阶段：**简历筛选**"), card.all());
    assertTrue(card.contains("投递：**" + h.day(monday, Language.ZH) + " – " + h.day(monday.plusDays(6),
        Language.ZH) + "**"), card.all());
    assertTrue(card.contains("不限日期") && card.contains("全部阶段"), card.all());
  }

  @Test
  @DisplayName("applied last week: only the previous calendar week (Monday to Sunday), its range stated on the card")
  void lastWeekIsThePreviousCalendarWeek() {
    // GIVEN one Backend candidate who applied this week (just now), one on last week's Wednesday, one the week before
    LocalDate lastMonday = LocalDate.now(FeatureHarness.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1);
    h.hire.addApplication(BACKEND, h.hire.addTalent("Tess Thisweek", "13900000011", "t@example.com"), SCREENING,
        h.clock.instant());
    h.hire.addApplication(BACKEND, h.hire.addTalent("Lars Lastweek", "13900000012", "l@example.com"), SCREENING,
        lastMonday.plusDays(2).atTime(12, 0).atZone(FeatureHarness.ZONE).toInstant());
    h.hire.addApplication(BACKEND, h.hire.addTalent("Ezra Earlier", "13900000013", "e@example.com"), SCREENING,
        lastMonday.minusDays(5).atTime(12, 0).atZone(FeatureHarness.ZONE).toInstant());

    // WHEN a recruiter asks, in English and in Chinese, for those who applied last week
    Shown card = h.inGroup("candidates for Backend Engineer applied last week");
    Shown zh = h.inGroup("上周投递的 Backend Engineer 候选人");

    // THEN only last week's applicant is listed, and the chip names the week shown, Monday to Sunday
    assertTrue(card.contains("**Lars Lastweek** · applied"), card.all());
    assertFalse(card.contains("Tess Thisweek"), "applied this week, not last week: " + card.all());
    assertFalse(card.contains("Ezra Earlier"), card.all());
    String range = h.day(lastMonday, Language.EN) + " – " + h.day(lastMonday.plusDays(6), Language.EN);
    assertTrue(card.contains("applied: **" + range + "**"), card.all());
    assertTrue(zh.contains("Lars Lastweek") && !zh.contains("Tess Thisweek"), zh.all());
    assertTrue(zh.contains("投递：**" + h.day(lastMonday, Language.ZH) + " – "
        + h.day(lastMonday.plusDays(6), Language.ZH) + "**"), zh.all());
  }

  @Test
  @DisplayName("Undo on a list of last week's applicants answers with that same list, not one running to the Undo's expiry")
  void undoKeepsTheListsDateRange() {
    // GIVEN Lars, who applied last week, and Tess, who applied just now, both in Backend's screening
    LocalDate lastMonday = LocalDate.now(FeatureHarness.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1);
    h.hire.addApplication(BACKEND, h.hire.addTalent("Lars Lastweek", "13900000012", "l@example.com"), SCREENING,
        lastMonday.plusDays(2).atTime(12, 0).atZone(FeatureHarness.ZONE).toInstant());
    h.hire.addApplication(BACKEND, h.hire.addTalent("Tess Thisweek", "13900000011", "t@example.com"), SCREENING,
        h.clock.instant());
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI,
        "candidates for Backend Engineer applied last week");
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Lars Lastweek"),
        SmallTenant.RECRUITER_LI);
    assertFalse(advanced.card().contains("Tess Thisweek"), advanced.card().all());

    // WHEN the recruiter undoes the move
    FeatureHarness.Clicked undone = h.click(advanced.card().buttons("undo").get(0), SmallTenant.RECRUITER_LI);

    // THEN Lars is back in screening on the same list: last week's applicants, its range still on the chip
    assertEquals(SCREENING, h.hire.applicationOf(h.hire.talent("Lars Lastweek"), BACKEND).stage());
    String range = h.day(lastMonday, Language.EN) + " – " + h.day(lastMonday.plusDays(6), Language.EN);
    assertTrue(undone.card().contains("applied: **" + range + "**"), undone.card().all());
    assertFalse(undone.card().contains("Tess Thisweek"), "applied this week: " + undone.card().all());
  }

  @Test
  @DisplayName("a filtered list's stage headings count the candidates the filter keeps, not the whole stage's")
  void filteredHeadingsCountWhatIsListed() {
    // GIVEN two Backend candidates in screening: one who applied last week, one the week before
    LocalDate lastMonday = LocalDate.now(FeatureHarness.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1);
    h.hire.addApplication(BACKEND, h.hire.addTalent("Lars Lastweek", "13900000012", "l@example.com"), SCREENING,
        lastMonday.plusDays(2).atTime(12, 0).atZone(FeatureHarness.ZONE).toInstant());
    h.hire.addApplication(BACKEND, h.hire.addTalent("Ezra Earlier", "13900000013", "e@example.com"), SCREENING,
        lastMonday.minusDays(5).atTime(12, 0).atZone(FeatureHarness.ZONE).toInstant());

    // WHEN the team lists those who applied last week
    Shown card = h.inGroup("candidates for Backend Engineer applied last week");

    // THEN Screening's heading counts the rows listed under it, in both languages (the job's own counts stay in the
    // summary line), not the whole stage, where Ezra is too
    assertTrue(card.contains("**Lars Lastweek** · applied") && !card.contains("Ezra Earlier"), card.all());
    long listed = card.buttons("advance").stream().filter(v -> v.path("stage_id").asText().equals(SCREENING.id()))
        .count();
    assertTrue(card.contains("**Screening** · " + listed + "\""), card.all());
    assertTrue(card.contains("**简历筛选** · " + listed + " 人"), card.all());
    // AND the job's own counts are said to be the whole job's, not the list's
    assertTrue(card.contains("whole job: Screening **"), card.all());
    assertTrue(card.contains("整个职位：简历筛选 **"), card.all());
  }

  @Test
  @DisplayName("a candidate who entered the stage today reads 'in stage since today' / '今天进入本阶段', never '0 d in stage'; "
      + "days are calendar days in the bot's zone")
  void enteredTheStageToday() {
    // GIVEN Tess, who applied just now, and Yuri, who applied yesterday evening (under 24 hours ago, perhaps)
    LocalDate today = LocalDate.now(FeatureHarness.ZONE);
    h.hire.addApplication(BACKEND, h.hire.addTalent("Tess Today", "13900000021", "tt@example.com"), SCREENING,
        h.clock.instant());
    h.hire.addApplication(BACKEND, h.hire.addTalent("Yuri Yesterday", "13900000022", "yy@example.com"), SCREENING,
        today.minusDays(1).atTime(23, 30).atZone(FeatureHarness.ZONE).toInstant());

    // WHEN the team lists the job's screening stage
    Shown card = h.inGroup("candidates for Backend Engineer in screening");

    // THEN Tess's row says she is in the stage since today, in both languages, and Yuri's counts one day
    assertTrue(card.contains("**Tess Today** · applied " + h.day(today, Language.EN) + " · in stage since today"),
        card.all());
    assertTrue(card.contains("**Tess Today** · " + h.day(today, Language.ZH) + " 投递 · 今天进入本阶段"), card.all());
    assertTrue(card.contains("**Yuri Yesterday** · applied " + h.day(today.minusDays(1), Language.EN)
        + " · 1 d in stage"), card.all());
    assertFalse(card.contains(" 0 d in stage") || card.contains("本阶段 0 天"), card.all());
  }

  @Test
  @DisplayName("in a chat that set America/Los_Angeles (the bot's zone Asia/Shanghai): days in stage, applied dates and "
      + "the time of a change are Los Angeles', in the answer, after a click and re-rendered")
  void chatsOwnZone() {
    // GIVEN 10:00 in Shanghai, the day before in Los Angeles, where the team chat is; Tess applied 12 hours ago: this
    // morning in Los Angeles, last night in Shanghai
    ZoneId la = ZoneId.of("America/Los_Angeles");
    h.advanceToNext(LocalTime.of(10, 0));
    h.zone(FeatureHarness.TEAM_CHAT, la);
    Instant applied = h.clock.instant().minus(Duration.ofHours(12));
    h.hire.addApplication(BACKEND, h.hire.addTalent("Tess Today", "13900000021", "tt@example.com"), SCREENING, applied);
    String tess = "**Tess Today** · applied " + DateTexts.date(applied, h.clock.instant().atZone(la), Language.EN)
        + " · in stage since today";

    // WHEN the recruiter lists the screening stage there, and advances Alice from it
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI,
        "candidates for Backend Engineer in screening");
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    Shown refreshed = h.rerender(advanced.view(), SmallTenant.RECRUITER_LI);

    // THEN every version counts Tess's day as Los Angeles' today, and the banner says when in Los Angeles
    String at = DateTexts.time(h.clock.instant(), la);
    assertTrue(card.contains(tess), card.all());
    assertTrue(advanced.card().contains(tess) && advanced.card().contains("· " + at), advanced.card().all());
    assertTrue(refreshed.contains(tess) && refreshed.contains("· " + at), refreshed.all());
  }

  @Test
  @DisplayName("Advance answers with the moved card after the stage check and the move, reading no list again")
  void advanceReadsNoListAgain() {
    // GIVEN the recruiter's candidates card for Backend Engineer (its lists and rows read by the command)
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    String alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), BACKEND).id();
    h.hire.resetCalls();

    // WHEN the recruiter clicks Advance on Alice's row
    FeatureHarness.Clicked clicked = h.click(card.button("advance", "application_id", alice), SmallTenant.RECRUITER_LI);

    // THEN Hire was asked who may change the job (kept for minutes), whether Alice is still in Screening, and to
    // move her; the card shows her in Interview from what the move itself says, without reading the job's stage
    // lists again (on main: four list calls and Alice read again, two more round trips before the answer)
    assertEquals(List.of("jobTeam", "application", "transferStage"),
        h.hire.calls().stream().map(FakeHireDirectory.Call::operation).toList());
    assertEquals(Toast.Type.SUCCESS, clicked.toastType(), clicked.toString());
    String shown = clicked.card().all();
    assertTrue(shown.contains("**Interview** · 2") && shown.contains("**Screening** · 1"), shown);
  }

  @Test
  @DisplayName("Advance on a row, by the job's recruiter: Hire is asked to move that application to the next stage")
  void advanceCallsHire() {
    // GIVEN the recruiter's candidates card for Backend Engineer, Alice in screening
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    String alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), BACKEND).id();

    // WHEN the recruiter clicks Advance on Alice's row
    FeatureHarness.Clicked clicked = h.click(card.button("advance", "application_id", alice), SmallTenant.RECRUITER_LI);

    // THEN the one write Hire got moves Alice to Interview, and the user is told so
    List<FakeHireDirectory.Call> moves = h.hire.calls("transferStage");
    assertEquals(1, moves.size(), h.hire.calls().toString());
    assertEquals(List.of(alice, INTERVIEW.id()), moves.get(0).args());
    assertEquals(INTERVIEW, h.hire.applicationOf(h.hire.talent("Alice Chen"), BACKEND).stage());
    assertEquals(Toast.Type.SUCCESS, clicked.toastType(), clicked.toString());
  }

  @Test
  @DisplayName("a stage nobody is in: the empty state says the filter matched no one, with the buttons to widen it")
  void emptyStage() {
    Shown card = h.inGroup("candidates for Data Scientist in interview");
    assertTrue(card.contains("No active candidates match this filter"), card.all());
    assertFalse(card.buttons("candidates.page").isEmpty(), "a button to widen the filter: " + card.all());
  }

  @Test
  @DisplayName("Hire refusing for a missing scope: the reply names the scope and the log id, and nothing was written")
  void missingScopeIsNamed() {
    h.hire.refuseScope("jobs", "hire:job:readonly");
    Shown card = h.inGroup("candidates for Backend Engineer");
    assertTrue(card.contains("hire:job:readonly"), card.all());
    assertTrue(card.contains("Log ID: `fakelog-jobs`"), card.all());
    assertTrue(h.hire.calls("transferStage").isEmpty());
  }

  @Test
  @DisplayName("candidates: the onboarded are listed but counted as hires, not active candidates, in both languages")
  void hiresCountedApart() {
    // GIVEN Ops Engineer: 2 in screening, 1 onboarded
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    h.withLexicon();

    Shown en = h.inGroup("candidates for Ops Engineer");
    Shown zh = h.inGroup("Ops Engineer 的候选人");
    Shown count = h.inGroup("how many candidates for Ops Engineer");

    assertEquals("OPS-001 · 2 active · 1 hired", en.subtitle(), en.all());
    assertEquals("OPS-001 · 进行中 2 人 · 已入职 1 人", zh.subtitle(), zh.all());
    assertTrue(en.contains("**Owen Hu** · applied"), "the hire is still listed: " + en.all());
    assertTrue(count.contains("2 active candidates for Ops Engineer · 1 hired."), count.all());
  }

  @Test
  @DisplayName("an onboarded row offers no Advance, Move or Reject (Hire refuses each on a hire), nor does a row Hire "
      + "says has joined; the others keep them, and every row keeps the profile and Add note")
  void noChangesHireRefuses() {
    // GIVEN Ops Engineer (Owen Hu onboarded) and, on Backend Engineer, Jay in pending onboarding whom Hire says joined
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    Application jay = accepted("Jay Joined", h.clock.instant().minus(Duration.ofDays(3)));
    h.hire.progress(jay.id(), new Progress(true, List.of(), List.of(), jay.progress().offer(), true,
        h.clock.instant().minus(Duration.ofDays(3)), null));
    h.withLexicon();

    Shown ops = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Ops Engineer");
    Shown backend = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");

    // THEN Owen's row offers none of them (on main: Reject, which Hire refuses with 1002205), the others all three
    assertEquals(List.of("Olga Fan", "Oscar Lu"), names(ops.buttons("advance")), ops.all());
    assertEquals(List.of("Olga Fan", "Oscar Lu"), movable(ops), ops.all());
    assertEquals(List.of("Olga Fan", "Oscar Lu"), names(ops.buttons("reject")), ops.all());
    // AND Jay, whom Hire says joined, is offered none either
    for (String action : List.of("advance", "reject")) {
      assertFalse(names(backend.buttons(action)).contains("Jay Joined"), action + ": " + backend.all());
    }
    assertFalse(movable(backend).contains("Jay Joined"), backend.all());
    // AND the profile and the note stay on every row
    assertEquals(3, names(ops.buttons("more")).size(), ops.all());
    assertTrue(ops.contains("\"value\":\"note\""), ops.all());
  }

  @Test
  @DisplayName("a row in pending onboarding offers Reject and Move (Hire takes both) but no Advance (joining is Hire's "
      + "onboarding, not a move), and says where the join is done, in both languages")
  void pendingOnboardingOffersWhatHireTakes() {
    // GIVEN Pia in Backend Engineer's pending onboarding stage, her accepted offer starting in ten days
    accepted("Pia Pending", h.clock.instant().plus(Duration.ofDays(10)));

    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");

    assertFalse(names(card.buttons("advance")).contains("Pia Pending"), card.all());
    assertTrue(names(card.buttons("reject")).contains("Pia Pending"), card.all());
    assertTrue(movable(card).contains("Pia Pending"), card.all());
    assertTrue(row(card, "Pia Pending").contains("onboarding is done in Feishu Hire"), card.all());
    assertTrue(card.contains("入职在飞书招聘中办理"), card.all());
  }

  @Test
  @DisplayName("Reject or Move clicked on a hire's row of an older card: answered at once that Hire takes neither, with "
      + "no form and no write, and the card refreshed without them")
  void changeOfAHireAnsweredAtOnce() {
    // GIVEN the Ops list, and the buttons Owen's row carried before (Olga's, naming Owen)
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    h.withLexicon();
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Ops Engineer");
    Application owen = h.hire.applicationOf(h.hire.talent("Owen Hu"), SmallTenant.OPS);
    com.fasterxml.jackson.databind.JsonNode reject = asOwen(card.button("reject", "name", "Olga Fan"), owen);
    com.fasterxml.jackson.databind.JsonNode more = asOwen(card.button("more", "name", "Olga Fan"), owen);

    // WHEN the recruiter clicks Reject, and Move in the ⋯ menu
    FeatureHarness.Clicked rejected = h.click(reject, SmallTenant.RECRUITER_LI);
    FeatureHarness.Clicked moved = h.click(more, SmallTenant.RECRUITER_LI, "move", java.util.Map.of());

    // THEN each says so at once (on main: the reason form, then Hire's 1002205), with no form and no Hire write
    for (FeatureHarness.Clicked c : List.of(rejected, moved)) {
      assertEquals(Toast.Type.WARNING, c.toastType(), c.toString());
      assertTrue(c.toast().contains("Owen Hu has already joined"), c.toast());
      assertTrue(c.card() != null && !names(c.card().buttons("reject")).contains("Owen Hu"), c.toString());
    }
    assertEquals(List.of(), h.messenger.sent(io.hirebot.testing.RecordingMessenger.Kind.SEND_EPHEMERAL));
    assertTrue(h.hire.calls("terminate").isEmpty() && h.hire.calls("transferStage").isEmpty(),
        h.hire.calls().toString());
  }

  @Test
  @DisplayName("Reject asks 'Reject this candidate?' once, on the button; the form's submit does not ask it again")
  void rejectAsksOnce() throws Exception {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    assertTrue(card.contains("Reject this candidate?"), "the button asks: " + card.all());

    h.click(card.button("reject", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);

    Shown form = h.messenger.last(io.hirebot.testing.RecordingMessenger.Kind.SEND_EPHEMERAL).shown();
    assertFalse(form.buttons("reject.confirm").isEmpty(), form.all());
    assertFalse(form.contains("Reject this candidate?"), "asked again on submit: " + form.all());
    assertFalse(form.contains("\"confirm\":{"), form.all());
  }

  @Test
  @DisplayName("a tenant with 400 reasons to reject with: the Reject form still arrives within Feishu's limits, offering "
      + "the first 50 in Hire's order and saying how to give another; the reason picked is the one Hire records")
  void rejectFormWithManyReasons() {
    // GIVEN Hire has 400 more reasons to reject with, named in about 40 characters each
    SmallTenant.addManyReasons(h.hire, 400);
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");

    // WHEN the recruiter clicks Reject on Alice's row
    h.click(card.button("reject", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);

    // THEN the form arrives, one Feishu takes (on main: 45,275 B and 813 elements; the render refused it, no form was
    // sent)
    Shown form = h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown();
    assertEquals(List.of(), CardLimits.violations((ObjectNode) form.card(), form.card().toString()), form.all());
    CardValidator.validate(form.card().toString(), form.card());
    // AND it offers Hire's first 50 reasons, in Hire's order, and says the others can be named in a typed reject
    List<String> offered = new java.util.ArrayList<>();
    form.card().findValue("options").forEach(o -> offered.add(o.path("value").asText()));
    assertEquals(50, offered.size(), offered.toString());
    assertEquals("reason_skills", offered.get(0));
    assertEquals(SmallTenant.manyReasonId(48), offered.get(49));
    assertTrue(form.contains("50 of Hire's 401 reasons"), form.all());

    // WHEN a reason far down the list is picked and the form submitted
    h.click(form.buttons("reject.confirm").get(0), SmallTenant.RECRUITER_LI, null,
        java.util.Map.of("reason", SmallTenant.manyReasonId(30)));

    // THEN Hire records that very reason
    List<FakeHireDirectory.Call> terminations = h.hire.calls("terminate");
    assertEquals(1, terminations.size(), h.hire.calls().toString());
    assertEquals(List.of(SmallTenant.manyReasonId(30)), terminations.get(0).arg(2));
  }

  @Test
  @DisplayName("start dates on rows: a planned one still to come 'starts', a passed one without a join 'was to start "
      + "· ⚠️ not joined yet', a joined one the day Hire says; in both languages")
  void startDatesOnRows() {
    // GIVEN Pia starting in ten days, 陈明 who was to start two days ago and has not joined, Owen who joined
    java.time.Instant soon = h.clock.instant().plus(Duration.ofDays(10));
    java.time.Instant passed = h.clock.instant().minus(Duration.ofDays(2));
    accepted("Pia Pending", soon);
    accepted("陈明", passed);
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    Application owen = h.hire.applicationOf(h.hire.talent("Owen Hu"), SmallTenant.OPS);
    java.time.Instant joined = h.clock.instant().minus(Duration.ofDays(40));
    h.hire.progress(owen.id(), new Progress(true, List.of(), List.of(), null, true, joined, null));
    h.withLexicon();

    Shown backend = h.inGroup("candidates for Backend Engineer");
    Shown ops = h.inGroup("candidates for Ops Engineer");

    assertTrue(row(backend, "Pia Pending").contains(" · starts " + day(soon, Language.EN)), backend.all());
    assertTrue(backend.contains(" · 计划 " + day(soon, Language.ZH) + "入职"), backend.all());
    assertTrue(row(backend, "陈明").contains(" · was to start " + day(passed, Language.EN) + " · ⚠️ not joined yet"),
        backend.all());
    assertTrue(backend.contains(" · 原定 " + day(passed, Language.ZH) + "入职 · ⚠️ 尚未入职"), backend.all());
    assertTrue(row(ops, "Owen Hu").endsWith(" · ✅ joined " + day(joined, Language.EN)), ops.all());
    assertTrue(ops.contains(" · ✅ " + day(joined, Language.ZH) + "已入职"), ops.all());
  }

  /** An application in Backend Engineer's pending onboarding stage, its accepted offer planning the start at {@code start}. */
  private Application accepted(String name, java.time.Instant start) {
    Application a = h.hire.addApplication(BACKEND, h.hire.addTalent(name, "139" + Math.abs(name.hashCode()),
        name.hashCode() + "@example.com"), SmallTenant.ONBOARDING, h.clock.instant().minus(Duration.ofDays(20)));
    Offer offer = new Offer("offer_" + a.id(), a.id(), FlowTexts.ACCEPTED,
        start.atZone(FeatureHarness.ZONE).toLocalDate().toString(), h.clock.instant().minus(Duration.ofDays(15)));
    h.hire.addOffer(offer);
    h.hire.progress(a.id(), new Progress(true, List.of(), List.of(), offer, false, null, null));
    return h.hire.applicationOf(h.hire.talent(name), BACKEND);
  }

  private String day(java.time.Instant at, Language lang) {
    return h.day(at.atZone(FeatureHarness.ZONE).toLocalDate(), lang);
  }

  /** The English line of {@code name}'s row, as far as the end of its markdown string. */
  private static String row(Shown card, String name) {
    String all = card.all();
    int at = all.indexOf("**" + name + "** · applied");
    assertTrue(at >= 0, name + " not listed: " + all);
    return all.substring(at, all.indexOf('"', at));
  }

  /** A button value of another row, made to name {@code a}: what that row's button carried before. */
  private static com.fasterxml.jackson.databind.JsonNode asOwen(com.fasterxml.jackson.databind.JsonNode value,
      Application a) {
    return ((com.fasterxml.jackson.databind.node.ObjectNode) value.deepCopy()).put("application_id", a.id())
        .put("talent_id", a.talentId()).put("stage_id", a.stage().id()).put("name", a.talentName());
  }

  private static List<String> names(List<com.fasterxml.jackson.databind.JsonNode> values) {
    return values.stream().map(v -> v.path("name").asText()).sorted().toList();
  }

  /** The names of the rows whose ⋯ menu offers Move. */
  private static List<String> movable(Shown card) {
    List<String> names = new java.util.ArrayList<>();
    try {
      com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(card.all());
      for (com.fasterxml.jackson.databind.JsonNode menu : json.findParents("options")) {
        boolean move = false;
        for (com.fasterxml.jackson.databind.JsonNode o : menu.path("options")) {
          move |= o.path("value").asText().equals("move");
        }
        if (move) {
          names.add(menu.path("behaviors").path(0).path("value").path("name").asText());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names.stream().distinct().sorted().toList();
  }

  @Test
  @DisplayName("the banner of a change, re-rendered after midnight while its Undo is open, says the day, not only the time")
  void bannerAfterMidnightHasTheDate() {
    // GIVEN the recruiter advances Alice at 23:58
    java.time.ZonedDateTime now = h.clock.instant().atZone(FeatureHarness.ZONE);
    java.time.ZonedDateTime lateEvening = now.toLocalDate().atTime(23, 58).atZone(FeatureHarness.ZONE);
    h.clock.advance(Duration.between(now, lateEvening.isAfter(now) ? lateEvening : lateEvening.plusDays(1)));
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    assertTrue(advanced.card().contains("· 23:58"), advanced.card().all());

    // WHEN the living card is re-rendered five minutes later, the next day
    h.clock.advance(Duration.ofMinutes(5));
    Shown refreshed = h.rerender(advanced.view(), SmallTenant.RECRUITER_LI);

    // THEN its banner (still offering Undo) names the day of the change
    java.time.ZonedDateTime changed = h.now().minus(Duration.ofMinutes(5));
    String day = io.hirebot.i18n.DateTexts.dateTime(changed.toInstant(), changed, io.hirebot.i18n.Language.EN);
    assertTrue(day.endsWith("23:58"), day);
    assertTrue(refreshed.contains("· " + day), refreshed.all());
    assertEquals(1, refreshed.buttons("undo").size(), refreshed.all());
  }

  @Test
  @DisplayName("the banner of a change made on 31 Dec, re-rendered after the New Year's midnight, says the year too")
  void bannerAcrossNewYearHasTheYear() {
    // GIVEN the recruiter advances Alice on 31 Dec at 23:56, in the chat's zone
    java.time.ZonedDateTime now = h.clock.instant().atZone(FeatureHarness.ZONE);
    java.time.ZonedDateTime newYearsEve = java.time.LocalDate.of(now.getYear(), 12, 31).atTime(23, 56)
        .atZone(FeatureHarness.ZONE);
    h.clock.advance(Duration.between(now, newYearsEve));
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    assertTrue(advanced.card().contains("· 23:56"), advanced.card().all());

    // WHEN the living card is re-rendered at 00:05 on 1 Jan, its Undo still open
    h.clock.advance(Duration.ofMinutes(9));
    Shown refreshed = h.rerender(advanced.view(), SmallTenant.RECRUITER_LI);

    // THEN its banner dates the change with its year, in each language
    int year = newYearsEve.getYear();
    assertTrue(refreshed.contains("Dec 31, " + year + " 23:56"), refreshed.all());
    assertTrue(Shown.readable(refreshed).contains(year + "年12月31日"), Shown.readable(refreshed));
    assertEquals(1, refreshed.buttons("undo").size(), refreshed.all());
  }

  @Test
  @DisplayName("Undo clicked after its 10 minutes changes nothing, says so, and the card loses the Undo")
  void expiredUndoLeavesTheCard() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    assertEquals(1, advanced.card().buttons("undo").size(), advanced.card().all());
    int moves = h.hire.calls("transferStage").size();

    h.clock.advance(Duration.ofMinutes(11));
    FeatureHarness.Clicked late = h.click(advanced.card().buttons("undo").get(0), SmallTenant.RECRUITER_LI);

    assertEquals("Undo is only possible for 10 minutes.", late.toast());
    assertEquals(moves, h.hire.calls("transferStage").size(), "nothing moved back");
    assertTrue(late.card() != null && late.card().contains("Alice Chen"), String.valueOf(late.card()));
    assertEquals(0, late.card().buttons("undo").size(), late.card().all());
  }

  @Test
  @DisplayName("the Undo of a rejection restored since (another card's Undo, Feishu Hire): says it was already "
      + "restored, not that the candidate moved, and recovers nothing")
  void staleUndoOfARestoredRejection() {
    String alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), SmallTenant.BACKEND).id();
    JsonNode undo = rejectAliceFromTheList();
    h.hire.recover(alice);
    h.hire.resetCalls();

    FeatureHarness.Clicked clicked = h.click(undo, SmallTenant.RECRUITER_LI);

    // (on main: "The candidate moved since this card was sent", "Alice Chen is now in Screening")
    assertEquals(Toast.Type.WARNING, clicked.toastType(), clicked.toString());
    assertEquals("Already restored since the rejection: there is nothing to undo. Nothing changed.", clicked.toast());
    assertTrue(clicked.toasts().text(Language.ZH).contains("已被恢复"), clicked.toString());
    assertTrue(clicked.card().contains("**Alice Chen** is already back in the pipeline, in **Screening**"),
        clicked.card().all());
    assertTrue(h.hire.calls("recover").isEmpty(), h.hire.calls().toString());
  }

  @Test
  @DisplayName("the Undo of a rejection whose application was restored, moved and rejected again since: says the "
      + "application changed since the rejection, and recovers nothing")
  void staleUndoOfARejectionChangedSince() {
    String alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), SmallTenant.BACKEND).id();
    JsonNode undo = rejectAliceFromTheList();
    h.hire.recover(alice);
    h.hire.moveTo(alice, INTERVIEW, h.clock.instant());
    h.hire.terminated(alice);
    h.hire.resetCalls();

    FeatureHarness.Clicked clicked = h.click(undo, SmallTenant.RECRUITER_LI);

    assertEquals(Toast.Type.WARNING, clicked.toastType(), clicked.toString());
    assertEquals("The application has changed since the rejection: nothing changed.", clicked.toast());
    assertTrue(clicked.card().contains("**Alice Chen**'s application has changed since the rejection"),
        clicked.card().all());
    assertTrue(h.hire.calls("recover").isEmpty(), h.hire.calls().toString());
  }

  /** The recruiter rejects Alice Chen from the team's list (its form, a reason): the Undo the list then offers. */
  private JsonNode rejectAliceFromTheList() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    h.click(card.button("reject", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    Shown form = h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown();
    h.click(form.buttons("reject.confirm").get(0), SmallTenant.RECRUITER_LI, null,
        java.util.Map.of("reason", "reason_skills"));
    return h.messenger.last(RecordingMessenger.Kind.UPDATE_CARD).shown().buttons("undo").get(0);
  }

  @Test
  @DisplayName("in a chat that follows the job, the list offers Unfollow from the start, and so does every answer and "
      + "re-render of it; elsewhere it offers Follow, and either button carries the list it sits on")
  void followingShownWhereTheChatFollows() {
    // GIVEN the team chat follows Backend Engineer
    h.follow(FeatureHarness.TEAM_CHAT, BACKEND.id());

    // WHEN the recruiter asks for its list there, and someone asks for it in another group
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    Shown elsewhere = h.inGroup("oc_other", FeatureHarness.ALICE, "candidates for Backend Engineer");

    // THEN the team's card says it follows the job and offers Unfollow; the other offers Follow
    assertEquals(List.of("✓ Following · Unfollow"), card.labels("unfollow"), card.all());
    assertEquals(List.of(), card.buttons("subscribe"), card.all());
    assertEquals(List.of("🔔 Follow this job here"), elsewhere.labels("subscribe"), elsewhere.all());
    // AND the button carries the list it sits on (so its click answers with that list drawn again)
    assertEquals("candidates.page", card.buttons("unfollow").get(0).path("list").path("action").asText(), card.all());
    assertEquals(BACKEND.id(), card.buttons("unfollow").get(0).path("list").path("job_id").asText(), card.all());

    // WHEN the recruiter advances Alice, and the card is re-rendered later THEN both still offer Unfollow
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    assertEquals(List.of("✓ Following · Unfollow"), advanced.card().labels("unfollow"), advanced.card().all());
    Shown refreshed = h.rerender(advanced.view(), SmallTenant.RECRUITER_LI);
    assertEquals(List.of("✓ Following · Unfollow"), refreshed.labels("unfollow"), refreshed.all());
  }

  @Test
  @DisplayName("a private list of a job the asker may not change offers no Advance, Reject, Move or Note, keeps the "
      + "profile and says why; their group list, and the job's recruiter's private list, keep every button")
  void privateListOffersOnlyWhatTheViewerMayDo() {
    // GIVEN Wang, recruiter of Data Scientist, not on Backend Engineer's team

    // WHEN Wang asks for Backend Engineer's candidates in a private chat
    Shown viewOnly = h.privately(SmallTenant.RECRUITER_WANG, "candidates for Backend Engineer");

    // THEN the rows offer only the profile, and one line says why
    assertEquals(List.of(), viewOnly.buttons("advance"), viewOnly.all());
    assertEquals(List.of(), viewOnly.buttons("reject"), viewOnly.all());
    assertTrue(viewOnly.contains("\"value\":\"profile\"") && !viewOnly.contains("\"value\":\"move\"")
        && !viewOnly.contains("\"value\":\"note\""), viewOnly.all());
    assertTrue(viewOnly.contains("View only: you are not on this job's hiring team"), viewOnly.all());
    // AND in Chinese
    assertTrue(viewOnly.contains("仅可查看"), viewOnly.all());

    // WHEN Wang asks in a group, and Li (Backend's recruiter) asks privately THEN every button is there
    Shown group = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_WANG, "candidates for Backend Engineer");
    Shown owner = h.privately(SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    for (Shown full : List.of(group, owner)) {
      assertFalse(full.buttons("advance").isEmpty() || full.buttons("reject").isEmpty(), full.all());
      assertFalse(full.contains("View only"), full.all());
    }
  }
  @Test
  @DisplayName("the line saying who moved whom reads in each viewer's language, stage names too, in the answer and in "
      + "a re-render that keeps it; a kept line stored before it was bilingual still shows")
  void noticeInEveryLanguage() {
    // GIVEN the recruiter's candidates card, asked for in English
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");

    // WHEN the recruiter advances Alice
    FeatureHarness.Clicked advanced = h.click(card.button("advance", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);

    // THEN the line has a text per language, each with the stages in that language
    JsonNode line = notice(advanced.card(), "✅");
    assertTrue(line.path("i18n_content").path("en_us").asText().contains("moved from Screening to **Interview**"),
        line.toString());
    assertTrue(line.path("i18n_content").path("zh_cn").asText().contains("已由简历筛选转移至**面试**"),
        line.toString());

    // WHEN the living card is re-rendered for another change while the Undo is open THEN it still reads in both
    JsonNode kept = notice(h.rerender(advanced.view(), SmallTenant.RECRUITER_LI), "✅");
    assertEquals(line.path("i18n_content"), kept.path("i18n_content"), kept.toString());

    // WHEN a view kept by the previous release (one text, one dated text) is re-rendered THEN that text shows
    ObjectNode old = advanced.view().deepCopy();
    ((ObjectNode) old.path(Notice.KEPT)).put("text", "✅ **Alice Chen** moved (old)").put("dated", "✅ dated (old)");
    Shown oldShown = h.rerender(old, SmallTenant.RECRUITER_LI);
    assertEquals("✅ **Alice Chen** moved (old)", notice(oldShown, "✅").path("content").asText(), oldShown.all());
    assertEquals(1, oldShown.buttons("undo").size(), oldShown.all());
  }

  @Test
  @DisplayName("淘汰 from a Chinese list: the rejection's line names the reason in each viewer's language, the note as written")
  void rejectionNoticeInEveryLanguage() {
    // GIVEN the recruiter's list in Chinese; Reject opens its form for the clicker alone
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "Backend Engineer 的候选人");
    h.click(card.button("reject", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    Shown form = h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown();

    // WHEN the rejection is confirmed with a reason, updating the group's card
    h.click(form.buttons("reject.confirm").get(0), SmallTenant.RECRUITER_LI, null,
        java.util.Map.of("reason", "reason_skills", "note", "经验不足"));
    Shown after = h.messenger.last(RecordingMessenger.Kind.UPDATE_CARD).shown();

    // THEN the line reads in both languages, the reason in each
    JsonNode line = notice(after, "⛔");
    assertTrue(line.path("i18n_content").path("zh_cn").asText().contains("已淘汰（技能不匹配）"), line.toString());
    assertTrue(line.path("i18n_content").path("en_us").asText().contains("rejected (Skills do not match)"),
        line.toString());
    // AND the note, as written, is quoted under it in both
    assertTrue(line.path("i18n_content").path("zh_cn").asText().endsWith("\n> 经验不足")
        && line.path("i18n_content").path("en_us").asText().endsWith("\n> 经验不足"), line.toString());
  }

  @Test
  @DisplayName("a rejection's note that only says the reason chosen: the reason shows once, the note is not quoted")
  void noteRestatingTheReasonShownOnce() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    h.click(card.button("reject", "name", "Alice Chen"), SmallTenant.RECRUITER_LI);
    Shown form = h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown();

    h.click(form.buttons("reject.confirm").get(0), SmallTenant.RECRUITER_LI, null,
        java.util.Map.of("reason", "reason_skills", "note", "skills do not match."));
    Shown after = h.messenger.last(RecordingMessenger.Kind.UPDATE_CARD).shown();

    // (on main: "rejected (Skills do not match) by …" and "> skills do not match." under it)
    JsonNode line = notice(after, "⛔");
    assertTrue(line.path("content").asText().contains("rejected (Skills do not match)"), line.toString());
    assertFalse(line.toString().toLowerCase(java.util.Locale.ROOT).contains("> skills do not match"), line.toString());
    assertEquals("skills do not match.", h.hire.calls("terminate").get(0).arg(3), "Hire gets the note as written");
  }

  /** The card's markdown line that starts with {@code mark} (the notice of a change). */
  private static JsonNode notice(Shown card, String mark) {
    return card.card().findParents("content").stream()
        .filter(n -> "markdown".equals(n.path("tag").asText()) && n.path("content").asText().startsWith(mark))
        .findFirst().orElseThrow(() -> new AssertionError("no line starting " + mark + " in " + card.all()));
  }
}
