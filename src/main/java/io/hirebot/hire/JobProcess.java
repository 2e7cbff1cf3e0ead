package io.hirebot.hire;

import java.util.List;
import java.util.Optional;

/** A hiring process: its stages in the order the tenant configured them. */
public record JobProcess(String id, String zhName, String enName, List<Stage> stages) {
  public JobProcess {
    stages = List.copyOf(stages);
  }

  public Optional<Stage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  /** Position of the stage in process order, or {@code stages.size()} for a stage not in this process. */
  public int indexOf(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) {
        return i;
      }
    }
    return stages.size();
  }
}
