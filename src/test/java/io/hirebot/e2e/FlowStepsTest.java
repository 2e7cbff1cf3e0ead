package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.HireTenant;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Evaluation;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.InterviewFeedback;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.sandbox.hire.WrittenTest;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16 end to end against the sandbox's demo tenant, English and Chinese: a profile shows each step's outcome
 * (evaluations with verdicts, the written test's score, each interviewer's conclusion, the offer and start date),
 * candidate rows carry markers, {@code onboarding} lists exactly the demo people starting in the week, an offer
 * notification says what the status means, and a missing scope costs a part of a card, not the card.
 */
class FlowStepsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SENDERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @BeforeAll
  static void start() {
    h.enableGroup(TEAM);
  }

  @Test
  @DisplayName("a profile shows evaluation verdicts with comments, the written test's paper and score, interviewers' conclusions")
  void profileShowsEachStep() {
    HireTenant hire = h.sandbox.hire();
    // A demo talent with one application, a failed evaluation, a scored test and interviews with a missing feedback.
    Application app = hire.applications().stream().filter(Application::active)
        .filter(a -> applicationsOf(a.talentId()) == 1 && uniqueName(a.talentId()))
        .filter(a -> evaluations(a).stream().anyMatch(e -> e.conclusion() == 2))
        .filter(a -> test(a) != null && test(a).score() != null && !test(a).score().isEmpty())
        .findFirst().orElseThrow();
    Talent talent = hire.talent(app.talentId()).orElseThrow();
    Evaluation failed = evaluations(app).stream().filter(e -> e.conclusion() == 2).findFirst().orElseThrow();
    WrittenTest test = test(app);

    JsonNode card = inGroup("candidate " + talent.name()).currentContent();
    String en = text(card, "en_us");
    String zh = text(card, "zh_cn");

    assertTrue(en.contains("Evaluations: ") && en.contains("<person id=" + failed.evaluatorId() + " show_name=true show_avatar=false style=normal></person> ❌ fail — “"
        + failed.content() + "”"), en);
    assertTrue(en.contains("Written test: " + test.paperName()) && en.contains("score **" + test.score() + "**"), en);
    assertTrue(zh.contains("❌ 未通过") && zh.contains("**" + test.score() + "** 分"), zh);
    // Every submitted interviewer's conclusion is on the card, by name.
    for (Interview i : hire.interviews()) {
      if (!i.applicationId().equals(app.id())) {
        continue;
      }
      for (InterviewFeedback f : i.feedback()) {
        String name = hire.users().stream().filter(u -> u.openId().equals(f.interviewerId())).findFirst()
            .orElseThrow().enName();
        if (!f.submitted() && i.endTime() > System.currentTimeMillis()) {
          // Not owed before the interview is over: the name alone, no warning.
          assertTrue(en.contains(name) && !en.contains(name + ": ⚠️"), name + " without a verdict in " + en);
          continue;
        }
        String verdict = !f.submitted() ? "⚠️ no feedback yet" : f.conclusion() == 1 ? "✅ pass" : "❌ fail";
        assertTrue(en.contains(name + ": " + verdict), name + ": " + verdict + " in " + en);
      }
    }
  }

  @Test
  @DisplayName("an interview with one feedback in and one missing says so per interviewer; an accepted offer shows its start date")
  void profileShowsMissingFeedbackAndStart() {
    HireTenant hire = h.sandbox.hire();
    Interview mixed = hire.interviews().stream()
        .filter(i -> i.feedback().stream().anyMatch(InterviewFeedback::submitted)
            && i.feedback().stream().anyMatch(f -> !f.submitted()) && i.endTime() < System.currentTimeMillis())
        .filter(i -> {
          Application a = hire.application(i.applicationId()).orElseThrow();
          return a.active() && applicationsOf(a.talentId()) == 1 && uniqueName(a.talentId());
        })
        .findFirst().orElseThrow();
    Talent talent = hire.talent(hire.application(mixed.applicationId()).orElseThrow().talentId()).orElseThrow();

    String en = text(inGroup("candidate " + talent.name()).currentContent(), "en_us");

    assertTrue(en.contains("✅ pass") && en.contains("⚠️ no feedback yet"), en);

    Application starting = hire.applications().stream().filter(Application::active)
        .filter(a -> applicationsOf(a.talentId()) == 1 && uniqueName(a.talentId()))
        .filter(a -> stageType(a) == Stage.PENDING_ONBOARD && offer(a) != null && offer(a).status() == 7)
        .findFirst().orElseThrow();
    LocalDate day = LocalDate.parse(offer(starting).onboardDate());
    String zh = text(inGroup("候选人 " + hire.talent(starting.talentId()).orElseThrow().name()).currentContent(), "zh_cn");

    // A start still to come is planned; one passed without a join says so (never a bare "12月1日入职", which reads as
    // "joined Dec 1").
    String date = day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    assertTrue(zh.contains("Offer：**候选人已接受** · " + (day.isBefore(LocalDate.now(ZONE))
        ? "原定 " + date + "入职 · ⚠️ 尚未入职" : "计划 " + date + "入职")), zh);
  }

  @Test
  @DisplayName("candidate rows carry markers: evaluation n/m in, test score or status, feedback missing, offer status, start date")
  void candidateRowsCarryMarkers() {
    HireTenant hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();

    String tests = text(inGroup("candidates for BE-001 in stage Written Test").currentContent(), "en_us");
    String testsZh = text(inGroup("BE-001 在笔试的候选人").currentContent(), "zh_cn");
    List<Application> inTest = active(backend, Stage.WRITTEN_TEST);
    assertFalse(inTest.isEmpty());
    for (Application a : inTest) {
      WrittenTest t = test(a);
      String name = hire.talent(a.talentId()).orElseThrow().name();
      if (t.score() != null && !t.score().isEmpty()) {
        assertTrue(tests.contains("**" + name + "** · ") && tests.contains("✏️ test " + t.score()), tests);
        assertTrue(testsZh.contains("✏️ 笔试 " + t.score() + " 分"), testsZh);
      }
    }

    String review = text(inGroup("candidates for BE-001 in stage Hiring Manager Review").currentContent(), "en_us");
    for (Application a : active(backend, Stage.EVALUATION)) {
      long in = evaluations(a).stream().filter(e -> e.commitStatus() == 1).count();
      assertTrue(review.contains("📝 evaluation " + in + "/" + evaluations(a).size() + " in"), review);
    }

    String onboarding = text(inGroup("candidates for BE-001 in stage Pending Onboarding").currentContent(), "en_us");
    for (Application a : active(backend, Stage.PENDING_ONBOARD)) {
      LocalDate day = LocalDate.parse(offer(a).onboardDate());
      String date = day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
          + day.getDayOfMonth();
      // A start still to come, or one passed without a join (the demo's this-week starts, from Tuesday on).
      assertTrue(onboarding.contains(day.isBefore(LocalDate.now(ZONE)) ? "was to start " + date + " · ⚠️ not joined yet"
          : " · starts " + date), onboarding);
    }

    String interviews = text(inGroup("candidates for BE-001 in stage interview").currentContent(), "en_us");
    long lacking = active(backend, Stage.INTERVIEW).stream().filter(a -> hire.interviews().stream()
        .anyMatch(i -> i.applicationId().equals(a.id()) && i.endTime() < System.currentTimeMillis()
            && i.feedback().stream().anyMatch(f -> !f.submitted()))).count();
    assertEquals(lacking, count(interviews, "⚠️ feedback missing"), interviews);
  }

  @Test
  @DisplayName("onboarding this week lists exactly the demo people whose accepted offer starts this week or who joined "
      + "in it; 入职 下周 next week's")
  void onboardingLists() {
    LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    Set<String> thisWeek = startingBetween(monday, monday.plusWeeks(1));
    Set<String> nextWeek = startingBetween(monday.plusWeeks(1), monday.plusWeeks(2));
    Set<String> joined = joinedBetween(monday, monday.plusWeeks(1));
    assertFalse(thisWeek.isEmpty(), "the demo tenant has people starting this week");
    assertFalse(joined.isEmpty(), "and people who joined this week");
    assertFalse(nextWeek.isEmpty(), "and next week");
    thisWeek = new java.util.HashSet<>(thisWeek);
    thisWeek.addAll(joined);

    JsonNode en = inGroup("onboarding this week").currentContent();
    JsonNode zh = inGroup("入职 下周").currentContent();

    assertEquals(thisWeek, rowNames(en, "en_us", START_EN));
    assertEquals(nextWeek, rowNames(zh, "zh_cn", START_ZH));
    assertTrue(en.toString().contains("Onboarding · this week"), en.toString());
    assertTrue(zh.toString().contains("入职 · 下周"), zh.toString());
  }

  @Test
  @DisplayName("an offer accepted in Hire is announced with what it means: accepted — starts on its date")
  void offerNotificationSaysWhatItMeans() {
    HireTenant hire = h.sandbox.hire();
    inGroup("subscribe job FE-001 to offer");
    Job fe = hire.jobByCode("FE-001").orElseThrow();
    Application a = hire.applicationsOfJob(fe.id()).stream().filter(Application::active)
        .filter(x -> stageType(x) == Stage.SCREENING).findFirst().orElseThrow();
    Offer added = hire.addOffer(a.id(), 6);
    LocalDate start = LocalDate.now(ZONE).plusDays(10);
    hire.write(d -> d.offers.put(added.id(), new Offer(added.id(), added.applicationId(), added.jobId(),
        added.talentId(), 7, added.offerType(), added.createTime(), start.toString(), added.ownerId(), added.leaderId())));
    String name = hire.talent(a.talentId()).orElseThrow().name();

    await(h.sandbox.events().raw("hire.offer.status_changed_v1",
        new JsonObject().put("offer_id", added.id()).put("offer_status", 7)));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId())
        && m.currentContent().toString().contains(name) && m.currentContent().toString().contains("Offer"), TIMEOUT));

    String text = card.currentContent().toString();
    String day = start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
        + start.getDayOfMonth();
    // The chat's language (English here); the Chinese wording is FlowTextsTest's.
    assertTrue(text.contains("accepted — starts " + day), text);
  }

  @Test
  @DisplayName("without the exam scope the profile says the written test is hidden and rows lose only their score; "
      + "without the application scope onboarding answers with the scope error card")
  void missingScopes() {
    HireTenant hire = h.sandbox.hire();
    Application app = hire.applications().stream().filter(Application::active)
        .filter(a -> applicationsOf(a.talentId()) == 1 && uniqueName(a.talentId()) && test(a) != null)
        .findFirst().orElseThrow();
    String name = hire.talent(app.talentId()).orElseThrow().name();
    h.sandbox.scopes().revoke("hire:exam:readonly", "hire:exam");
    try {
      String profile = text(inGroup("candidate " + name).currentContent(), "en_us");
      assertTrue(profile.contains("Written test hidden: missing permission `hire:exam:readonly`"), profile);
      String rows = text(inGroup("candidates for FE-001 in stage Written Test").currentContent(), "en_us");
      assertTrue(rows.contains("Written Test") && !rows.contains("✏️"), rows);

      h.sandbox.scopes().revoke("hire:application:readonly", "hire:application");
      String onboarding = inGroup("onboarding next week").currentContent().toString();
      assertTrue(onboarding.contains("hire:application:readonly"), onboarding);
    } finally {
      h.sandbox.scopes().grantAll();
    }
  }

  // --- reading the sandbox's data the way Feishu Hire would show it

  private static Set<String> startingBetween(LocalDate from, LocalDate to) {
    HireTenant hire = h.sandbox.hire();
    return hire.applications().stream().filter(Application::active)
        .filter(a -> hire.job(a.jobId()).orElseThrow().activeStatus() == 1)
        .filter(a -> stageType(a) == Stage.OFFER || stageType(a) == Stage.PENDING_ONBOARD)
        .filter(a -> offer(a) != null && offer(a).status() == 7 && offer(a).onboardDate() != null)
        .filter(a -> {
          LocalDate d = LocalDate.parse(offer(a).onboardDate());
          return !d.isBefore(from) && d.isBefore(to);
        })
        .map(a -> hire.talent(a.talentId()).orElseThrow().name()).collect(Collectors.toSet());
  }

  /** The demo's hires whose employee record says they joined in [from, to). */
  private static Set<String> joinedBetween(LocalDate from, LocalDate to) {
    HireTenant hire = h.sandbox.hire();
    return hire.applications().stream().filter(Application::active).filter(a -> stageType(a) == Stage.ONBOARDED)
        .filter(a -> hire.read(d -> d.employeeOf(a.id())).map(e -> {
          LocalDate day = java.time.Instant.ofEpochMilli(e.onboardTime()).atZone(ZONE).toLocalDate();
          return !day.isBefore(from) && day.isBefore(to);
        }).orElse(false))
        .map(a -> hire.talent(a.talentId()).orElseThrow().name()).collect(Collectors.toSet());
  }

  private static List<Application> active(Job job, int stageType) {
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> stageType(a) == stageType).toList();
  }

  private static int stageType(Application a) {
    return h.sandbox.hire().stagesOf(a.jobId()).stream().filter(s -> s.id().equals(a.stageId())).findFirst()
        .orElseThrow().type();
  }

  private static Offer offer(Application a) {
    return h.sandbox.hire().offers().stream().filter(o -> o.applicationId().equals(a.id()))
        .max(Comparator.comparingLong(Offer::createTime)).orElse(null);
  }

  private static List<Evaluation> evaluations(Application a) {
    return h.sandbox.hire().read(d -> d.evaluations.values().stream()
        .filter(e -> e.applicationId().equals(a.id())).toList());
  }

  private static WrittenTest test(Application a) {
    return h.sandbox.hire().read((HireData d) -> d.tests.values().stream()
        .filter(t -> t.applicationId().equals(a.id())).findFirst().orElse(null));
  }

  private static long applicationsOf(String talentId) {
    return h.sandbox.hire().applications().stream().filter(a -> a.talentId().equals(talentId)).count();
  }

  private static boolean uniqueName(String talentId) {
    String name = h.sandbox.hire().talent(talentId).orElseThrow().name();
    return h.sandbox.hire().talents().stream().filter(t -> t.name().equals(name)).count() == 1;
  }

  // --- talking to the bot and reading its cards

  private static SentMessage inGroup(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM)
        .from("ou_user_flow_" + SENDERS.incrementAndGet()).mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  /** Every markdown element's text in one language (a bilingual card's i18n_content, else its content). */
  private static String text(JsonNode card, String locale) {
    List<String> out = new ArrayList<>();
    collect(card, locale, out);
    return String.join("\n", out);
  }

  private static void collect(JsonNode node, String locale, List<String> out) {
    if (node.isObject()) {
      if ("markdown".equals(node.path("tag").asText())) {
        JsonNode i18n = node.path("i18n_content").path(locale);
        out.add(i18n.isTextual() ? i18n.asText() : node.path("content").asText());
      }
      node.elements().forEachRemaining(n -> collect(n, locale, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collect(n, locale, out));
    }
  }

  /** What follows the name on an onboarding card's row: its start, still to come, passed, or the join. */
  private static final java.util.regex.Pattern START_EN = java.util.regex.Pattern.compile(
      " · (?:starts |was to start |✅ joined )");
  private static final java.util.regex.Pattern START_ZH = java.util.regex.Pattern.compile(" · (?:计划 |原定 |✅ )");

  /** The names of an onboarding card's rows ("Name · starts Dec 1"). */
  private static Set<String> rowNames(JsonNode card, String locale, java.util.regex.Pattern start) {
    return text(card, locale).lines().filter(l -> !l.startsWith("**")).flatMap(l -> {
      java.util.regex.Matcher m = start.matcher(l);
      return m.find() ? java.util.stream.Stream.of(l.substring(0, m.start())) : java.util.stream.Stream.empty();
    }).collect(Collectors.toSet());
  }

  private static long count(String text, String part) {
    long n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
