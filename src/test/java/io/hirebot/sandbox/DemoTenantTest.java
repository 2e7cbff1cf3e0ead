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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
  @DisplayName("Interviews: past with and without feedback, today, tomorrow and later this week")
  void interviews() {
    LocalDate today = CLOCK.instant().atZone(SHANGHAI).toLocalDate();
    Set<LocalDate> days = d.interviews.values().stream()
        .map(i -> Instant.ofEpochMilli(i.beginTime()).atZone(SHANGHAI).toLocalDate()).collect(Collectors.toSet());
    assertTrue(days.contains(today));
    assertTrue(days.contains(today.plusDays(1)));
    assertTrue(days.contains(today.plusDays(3)));
    long now = CLOCK.millis();
    assertTrue(d.interviews.values().stream().anyMatch(i -> i.beginTime() < now && i.feedback().stream().allMatch(f -> f.submitted())));
    assertTrue(d.interviews.values().stream().anyMatch(i -> i.beginTime() < now && i.feedback().stream().noneMatch(f -> f.submitted())));
    assertTrue(d.interviews.values().stream().allMatch(i -> !i.feedback().isEmpty()));
    assertTrue(d.interviews.values().stream().map(Interview::applicationId).allMatch(d.applications::containsKey));
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
