package io.hirebot.sandbox.hire;

import java.util.List;
import java.util.Optional;

/** A hiring process (1 experienced, 2 campus) with its stages in configured order. */
public record JobProcess(String id, String zhName, String enName, int type, List<Stage> stages) {

  public JobProcess {
    stages = List.copyOf(stages);
  }

  public Optional<Stage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  /** The first stage of the given type. */
  public Optional<Stage> firstOfType(int type) {
    return stages.stream().filter(s -> s.type() == type).findFirst();
  }
}
