package io.hirebot.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JobMatcherTest {
  private static final List<Job> JOBS = List.of(
      new Job("1", "BE-001", "Backend Engineer", "p", true),
      new Job("2", "FE-001", "Frontend Engineer", "p", true),
      new Job("3", "ZH-BE", "后端开发工程师", "p", true),
      new Job("4", "PM-01", "产品经理", "p", true),
      new Job("5", "OLD-1", "Backend Intern", "p", false));
  private final JobMatcher matcher = new JobMatcher();

  @ParameterizedTest(name = "\"{0}\" → job {1}")
  @CsvSource({
      "BE-001, 1", "be001, 1", "Backend Engineer, 1", "backend, 1", "ＢＡＣＫＥＮＤ　ｅｎｇｉｎｅｅｒ, 1",
      "Backend Enginer, 1", "后端, 3", "后端开发工程师, 3", "产品经理, 4", "fe-001, 2", "frontend, 2"})
  void resolvesOne(String query, String id) {
    JobMatch m = matcher.match(query, JOBS);
    assertEquals(id, assertInstanceOf(JobMatch.One.class, m, m.toString()).job().id());
  }

  @Test
  @DisplayName("a word in several titles asks which one; closed jobs are never offered")
  void several() {
    JobMatch m = matcher.match("engineer", JOBS);
    assertEquals(2, assertInstanceOf(JobMatch.Several.class, m).jobs().size());
  }

  @Test
  @DisplayName("a near miss → None offering only the jobs that are close, as the closest")
  void nearMiss() {
    List<Job> jobs = List.of(new Job("6", "PM-02", "Product Manager", "p", true),
        new Job("7", "DS-01", "Data Scientist", "p", true), new Job("8", "SR-01", "Sales Representative", "p", true));
    JobMatch.None m = assertInstanceOf(JobMatch.None.class, matcher.match("sales manager", jobs));
    assertEquals(new JobMatch.None(List.of(jobs.get(0)), true), m);
    assertEquals(new JobMatch.None(List.of(JOBS.get(3)), true), matcher.match("销售经理", JOBS));
  }

  @Test
  @DisplayName("nothing close → None offering some open jobs, not called the closest")
  void none() {
    JobMatch.None m = assertInstanceOf(JobMatch.None.class, matcher.match("Astronaut", JOBS));
    assertEquals(false, m.near());
    assertEquals(List.of("1", "2", "3"), m.offered().stream().map(Job::id).toList());
    assertEquals(false, assertInstanceOf(JobMatch.None.class, matcher.match("designer", JOBS)).near());
  }
}
