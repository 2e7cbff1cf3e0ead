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
  @DisplayName("nothing close → None with the closest open jobs")
  void none() {
    JobMatch m = matcher.match("Astronaut", JOBS);
    assertEquals(JobMatcher.CLOSEST, assertInstanceOf(JobMatch.None.class, m).closest().size());
  }
}
