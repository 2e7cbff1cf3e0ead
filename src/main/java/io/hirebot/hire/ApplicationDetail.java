package io.hirebot.hire;

import java.time.Instant;
import java.util.List;

/**
 * Everything a profile shows about one application: the application, its job's title, its stage history,
 * its interviews and its offer (null when none).
 */
public record ApplicationDetail(Application application, String jobTitle, List<StageVisit> history,
    List<Interview> interviews, Offer offer) {

  public ApplicationDetail {
    history = List.copyOf(history);
    interviews = List.copyOf(interviews);
  }

  /** One stay in a stage: entered, and left (null while still there). */
  public record StageVisit(String stageId, Instant entered, Instant left) {}
}
