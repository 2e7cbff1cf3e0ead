package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.sandbox.hire.TerminationReason;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo tenant is deterministic and covers what the bot's commands and tests need. */
class DemoTenantTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T01:30:00Z"), ZoneOffset.UTC);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final HireData d = DemoTenant.seed(CLOCK);

  @Test
  @DisplayName("Two seeds from the same clock are identical")
  void deterministic() {
    HireData again = DemoTenant.seed(CLOCK);
    assertEquals(d.jobs, again.jobs);
    assertEquals(d.talents, again.talents);
    assertEquals(d.applications, again.applications);
    assertEquals(d.interviews, again.interviews);
  }

  @Test
  @DisplayName("Jobs: Chinese and English titles with codes, one with 0 and one with >= 25 applications")
  void jobs() {
    assertTrue(d.jobs.size() >= 6);
    Set<String> titles = d.jobs.values().stream().map(Job::title).collect(Collectors.toSet());
    assertTrue(titles.containsAll(Set.of("后端开发工程师", "产品经理", "Backend Engineer", "Frontend Engineer", "Data Scientist")));
    Map<String, Long> perJob = d.applications.values().stream().collect(Collectors.groupingBy(Application::jobId, Collectors.counting()));
    assertTrue(d.jobs.keySet().stream().anyMatch(id -> !perJob.containsKey(id)));
    assertTrue(perJob.values().stream().anyMatch(n -> n >= 25));
    d.jobs.values().forEach(j -> assertTrue(j.code().matches("[A-Z]{2}-\\d{3}"), j.code()));
  }

  @Test
  @DisplayName("Applications cover every stage type 1-7, some terminated; ids are 19 digits")
  void stages() {
    Set<Integer> types = d.applications.values().stream()
        .map(a -> d.processOf(d.jobs.get(a.jobId())).stage(a.stageId()).orElseThrow().type())
        .collect(Collectors.toSet());
    assertTrue(types.containsAll(Set.of(1, 2, 3, 4, 5, 6, 7)), types.toString());
    assertTrue(d.applications.values().stream().anyMatch(a -> !a.active()));
    d.applications.keySet().forEach(id -> assertTrue(id.matches("\\d{19}"), id));
    assertTrue(d.talents.size() >= 70);
  }

  @Test
  @DisplayName("Talents have Chinese and English names, phones and emails, all distinct")
  void talents() {
    assertTrue(d.talents.values().stream().anyMatch(t -> t.name().matches("\\p{IsHan}+")));
    assertTrue(d.talents.values().stream().anyMatch(t -> t.name().matches("[A-Z][a-z]+ [A-Z][a-z]+")));
    assertEquals(d.talents.size(), d.talents.values().stream().map(Talent::name).distinct().count());
    assertEquals(d.talents.size(), d.talents.values().stream().map(Talent::email).distinct().count());
    d.talents.values().forEach(t -> assertTrue(t.email().contains("@") && t.mobile().length() >= 10, t.toString()));
    Set<String> talentNames = d.talents.values().stream().map(Talent::name).collect(Collectors.toSet());
    d.users.values().forEach(u -> assertTrue(!talentNames.contains(u.name()), "user shares a candidate's name: " + u));
  }

  @Test
  @DisplayName("Interviews: past with and without feedback, today, tomorrow and later this week (a Wednesday)")
  void interviews() {
    LocalDate today = CLOCK.instant().atZone(SHANGHAI).toLocalDate();
    Set<LocalDate> days = d.interviews.values().stream()
        .map(i -> Instant.ofEpochMilli(i.beginTime()).atZone(SHANGHAI).toLocalDate()).collect(Collectors.toSet());
    assertTrue(days.contains(today));
    assertTrue(days.contains(today.plusDays(1)));
    assertTrue(days.contains(today.plusDays(2)), "Friday: " + days);
    long now = CLOCK.millis();
    assertTrue(d.interviews.values().stream().anyMatch(i -> i.beginTime() < now && i.feedback().stream().allMatch(f -> f.submitted())));
    assertTrue(d.interviews.values().stream().anyMatch(i -> i.beginTime() < now && i.feedback().stream().noneMatch(f -> f.submitted())));
    assertTrue(d.interviews.values().stream().allMatch(i -> !i.feedback().isEmpty()));
    assertTrue(d.interviews.values().stream().map(Interview::applicationId).allMatch(d.applications::containsKey));
  }

  /** Clocks over a whole week in Shanghai: each day, past midnight, before office hours, midday and late evening. */
  static Stream<Clock> weekOfClocks() {
    LocalDate monday = LocalDate.of(2026, 11, 30);
    return IntStream.range(0, 7).boxed().flatMap(day -> Stream.of(LocalTime.of(0, 20), LocalTime.of(8, 0),
        LocalTime.of(13, 0), LocalTime.of(23, 30)).map(t -> Clock.fixed(monday.plusDays(day).atTime(t)
            .atZone(SHANGHAI).toInstant(), ZoneOffset.UTC)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("weekOfClocks")
  @DisplayName("Interviews look like a real week whatever day the demo runs: on working days, in office hours of the "
      + "zone, spread over days and times of day, no two at one moment")
  void interviewsSpreadOverAWorkingWeek(Clock clock) {
    HireData demo = DemoTenant.seed(clock);
    long now = clock.millis();
    for (Interview i : demo.interviews.values()) {
      ZonedDateTime begin = Instant.ofEpochMilli(i.beginTime()).atZone(SHANGHAI);
      ZonedDateTime end = Instant.ofEpochMilli(i.endTime()).atZone(SHANGHAI);
      assertTrue(begin.getDayOfWeek().getValue() <= 5, "on a weekend: " + begin);
      assertTrue(begin.getHour() >= 9 && !end.toLocalTime().isAfter(LocalTime.of(18, 0)), "out of hours: " + begin);
    }
    List<ZonedDateTime> ahead = demo.interviews.values().stream().filter(i -> i.beginTime() > now)
        .map(i -> Instant.ofEpochMilli(i.beginTime()).atZone(SHANGHAI)).toList();
    assertTrue(ahead.stream().map(ZonedDateTime::toLocalDate).distinct().count() >= 3, "days ahead: " + ahead);
    assertTrue(ahead.stream().map(ZonedDateTime::toLocalTime).distinct().count() >= 4, "times ahead: " + ahead);
    Map<Long, Long> perMoment = demo.interviews.values().stream()
        .collect(Collectors.groupingBy(Interview::beginTime, Collectors.counting()));
    assertTrue(perMoment.values().stream().allMatch(n -> n == 1), "interviews at one moment: " + perMoment.values());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("weekOfClocks")
  @DisplayName("Onboarding looks like a real week whatever day the demo runs: someone joined this week (never later "
      + "than now), someone starts next week, and each hire joined on their offer's start day")
  void onboardingHasThisWeeksHireAndNextWeeksStart(Clock clock) {
    HireData demo = DemoTenant.seed(clock);
    LocalDate today = clock.instant().atZone(SHANGHAI).toLocalDate();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long weekStart = monday.atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
    assertTrue(demo.employees.values().stream().allMatch(e -> e.onboardTime() <= clock.millis()), "joined in the future");
    assertTrue(demo.employees.values().stream().anyMatch(e -> e.onboardTime() >= weekStart),
        "nobody joined this week: " + demo.employees.values());
    for (var e : demo.employees.values()) {
      Application hire = demo.applications.get(e.applicationId());
      assertTrue(hire.modifyTime() >= e.onboardTime(), "the join was recorded before it happened: " + hire);
      assertEquals(Instant.ofEpochMilli(e.onboardTime()).atZone(SHANGHAI).toLocalDate().toString(),
          offerOf(demo, hire).onboardDate(), "joined on another day than planned: " + e);
    }
    Set<LocalDate> starts = demo.applications.values().stream().filter(Application::active)
        .filter(a -> stageType(demo, a) == Stage.PENDING_ONBOARD).map(a -> offerOf(demo, a))
        .map(o -> LocalDate.parse(o.onboardDate())).collect(Collectors.toSet());
    assertTrue(starts.stream().anyMatch(d -> !d.isBefore(monday.plusWeeks(1)) && d.isBefore(monday.plusWeeks(2))),
        "nobody starts next week: " + starts);
  }

  @Test
  @DisplayName("The demo's days and hours are the configured zone's: seeded for Europe/Berlin, interviews sit in Berlin's "
      + "office hours")
  void demoFollowsTheConfiguredZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    HireData demo = DemoTenant.seed(CLOCK, berlin);
    for (Interview i : demo.interviews.values()) {
      ZonedDateTime begin = Instant.ofEpochMilli(i.beginTime()).atZone(berlin);
      assertTrue(begin.getHour() >= 9 && begin.getHour() < 18 && begin.getDayOfWeek().getValue() <= 5, begin.toString());
    }
  }

  private static Offer offerOf(HireData demo, Application a) {
    return demo.offers.values().stream().filter(o -> o.applicationId().equals(a.id())).findFirst().orElseThrow();
  }

  private static int stageType(HireData demo, Application a) {
    return demo.processOf(demo.jobs.get(a.jobId())).stage(a.stageId()).orElseThrow().type();
  }

  @Test
  @DisplayName("Offers in several statuses; termination reasons of types 1, 22 and 27")
  void offersAndReasons() {
    assertTrue(d.offers.values().stream().map(Offer::status).distinct().count() >= 4);
    assertEquals(Set.of(1, 22, 27), d.terminationReasons.values().stream().map(TerminationReason::type).collect(Collectors.toSet()));
    d.jobs.values().forEach(j -> assertTrue(d.users.containsKey(j.recruiterId())));
    assertTrue(d.processes.values().stream().flatMap(p -> p.stages().stream()).map(Stage::type).collect(Collectors.toSet())
        .containsAll(Set.of(1, 2, 3, 4, 5, 6, 7)));
  }
}
