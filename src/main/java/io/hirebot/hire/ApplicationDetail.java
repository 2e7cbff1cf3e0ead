package io.hirebot.hire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a profile shows about one application: the application, its job's title, its stage history,
 * its interviews and its offer (null when none).
 *
 * @param withheld parts Feishu left out because the app lacks their scope ({@link #INTERVIEWS}, {@link #OFFER},
 *     {@link #EVALUATIONS})
 *     → the scope; an empty list or a null offer then means "not shown", not "none"
 */
public record ApplicationDetail(Application application, String jobTitle, List<StageVisit> history,
    List<Interview> interviews, Offer offer, Map<String, String> withheld) {
  public static final String INTERVIEWS = "interviews";
  public static final String OFFER = "offer";
  public static final String EVALUATIONS = "evaluations";

  public ApplicationDetail {
    history = List.copyOf(history);
    interviews = List.copyOf(interviews);
    withheld = Map.copyOf(withheld);
  }

  public ApplicationDetail(Application application, String jobTitle, List<StageVisit> history,
      List<Interview> interviews, Offer offer) {
    this(application, jobTitle, history, interviews, offer, Map.of());
  }

  /** The same detail about {@code changed}, the same application described otherwise (its stage as its process names it). */
  public ApplicationDetail withApplication(Application changed) {
    return new ApplicationDetail(changed, jobTitle, history, interviews, offer, withheld);
  }

  public static final String TESTS = "tests";

  /**
   * The same detail with the application's written test joined in (read apart, in one batch per profile page); when
   * the read was refused for a scope, the test is withheld by it.
   */
  public ApplicationDetail withTests(Partial<Map<String, WrittenTest>> tests) {
    WrittenTest t = tests.value().get(application.id());
    Map<String, String> hidden = new java.util.HashMap<>(withheld);
    if (tests.hidden()) {
      hidden.put(TESTS, tests.missingScope());
    }
    return new ApplicationDetail(t == null ? application : application.withTest(t), jobTitle, history, interviews,
        offer, hidden);
  }

  /** The scope that hid {@code part}, or "" when it is shown. */
  public String withheldBy(String part) {
    return withheld.getOrDefault(part, "");
  }

  /** One stay in a stage: entered, and left (null while still there). */
  public record StageVisit(String stageId, Instant entered, Instant left) {}
}
