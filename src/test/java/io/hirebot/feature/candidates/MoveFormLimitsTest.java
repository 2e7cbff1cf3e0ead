package io.hirebot.feature.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Names;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The move form lists every stage it may move to, uncapped: Feishu documents no cap on a select's options, so what
 * bounds it is the card's 200 elements (each option and its text count) and 30 KB.
 */
class MoveFormLimitsTest {
  private static final String LI = SmallTenant.RECRUITER_LI;

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates);

  @Test
  @DisplayName("a process of 60 stages with names of the longest a card shows (Chinese) gives a move form of 59 options within Feishu's limits")
  void sixtyStages() {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String n = String.format("%02d", i);
      stages.add(new Stage("7300000000000000" + (100 + i), n + "很".repeat(Names.MAX - 2), n + "x".repeat(Names.MAX - 2),
          i == 0 ? StageType.SCREENING : StageType.INTERVIEW));
    }
    JobProcess process = new JobProcess("process_long", "长流程", "Long process", stages);
    h.hire.addProcess(process);
    Job job = h.hire.addJob(new Job("job_long", "LG-001", "Long Engineer", process.id(), true),
        new JobTeam("job_long", LI, List.of(), List.of()));
    h.hire.addApplication(job, h.hire.addTalent("Lena Long", "13900000031", "lena@example.com"), stages.get(0),
        h.clock.instant());

    for (String asked : List.of("candidates for Long Engineer", "Long Engineer的候选人")) {
      Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, LI, asked);
      h.click(card.button("more", "name", "Lena Long"), LI, "move", Map.of());
      JsonNode form = h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown().card();

      List<JsonNode> options = form.findValues("options");
      assertEquals(59, options.get(0).size(), "every stage but hers");
      System.out.println("move form, 60 stages, " + asked + ": " + CardLimits.elements((ObjectNode) form)
          + " elements, " + form.toString().getBytes(StandardCharsets.UTF_8).length + " B");
      assertEquals(List.of(), CardLimits.violations((ObjectNode) form, form.toString()));
    }
  }
}
