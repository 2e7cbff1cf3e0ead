package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rows a card keeps when it cannot list them all: those that matter most, in the list's order. */
class KeptTest {
  @Test
  @DisplayName("keeps the n rows that come first by the comparator, ties to the earlier row, in the list's order")
  void keepsInOrder() {
    List<Integer> rows = List.of(5, 0, 3, 0, 7, 0);
    assertEquals(List.of(5, 3, 7), Kept.inOrder(rows, 3, Comparator.comparing(r -> r == 0)));
    assertEquals(List.of(5, 0, 3), Kept.inOrder(rows, 3, Comparator.comparing(r -> 0)));
    assertEquals(rows, Kept.inOrder(rows, 9, Comparator.comparing(r -> r == 0)));
    assertEquals(List.of(), Kept.inOrder(rows, 0, Comparator.comparing(r -> r == 0)));
  }

  @Test
  @DisplayName("a move from stage 5 of 20 keeps offer and onboarding, then the nearest stages, the next first")
  void nearestStages() {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      stages.add(new Stage("s" + i, "", "Round " + i, StageType.INTERVIEW));
    }
    stages.add(new Stage("offer", "", "Offer", StageType.OFFER));
    stages.add(new Stage("pending", "", "Pending onboarding", StageType.PENDING_ONBOARDING));
    JobProcess process = new JobProcess("p", "", "", stages);

    List<String> kept = Kept.inOrder(process.movableFrom("s5"), 7, process.nearest("s5")).stream()
        .map(Stage::id).toList();

    assertEquals(List.of("s3", "s4", "s6", "s7", "s8", "offer", "pending"), kept);
  }
}
