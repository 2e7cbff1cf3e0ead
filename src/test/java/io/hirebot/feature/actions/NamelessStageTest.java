package io.hirebot.feature.actions;

import static io.hirebot.testing.SmallTenant.OFFER;
import static io.hirebot.testing.SmallTenant.SCREENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stage Hire gave no name in either language is called by its kind everywhere a person reads it (the move form and
 * its options, toasts, typed confirmations and their outcome, Undo), never by its id.
 */
@DisplayName("A nameless stage is named by its kind on every card, form and toast, never by its id")
class NamelessStageTest {

  private static final String LI = SmallTenant.RECRUITER_LI;
  private static final Stage NAMELESS = new Stage("stage_iv_nameless", "", "", StageType.INTERVIEW);
  private static final Stage FIRST_ROUND = new Stage("stage_iv_round_a", "", "", StageType.INTERVIEW);
  private static final Stage SECOND_ROUND = new Stage("stage_iv_round_b", "", "", StageType.INTERVIEW);

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::typedActions,
      TestFeatures::pipeline);

  private final List<String> read = new ArrayList<>();
  private Job job;

  @BeforeEach
  void nameless() {
    JobProcess process = new JobProcess("process_nameless", "流程", "Process", List.of(SCREENING, NAMELESS, OFFER));
    h.hire.addProcess(process);
    job = h.hire.addJob(new Job("job_nameless", "NL-001", "Nameless Engineer", process.id(), true),
        new JobTeam("job_nameless", LI, List.of(), List.of()));
    var now = h.clock.instant();
    h.hire.addApplication(job, h.hire.addTalent("Nia Nu", "13900000021", "nia@example.com"), SCREENING, now);
    h.hire.addApplication(job, h.hire.addTalent("Omar Ou", "13900000022", "omar@example.com"), NAMELESS, now);
  }

  @Test
  @DisplayName("buttons: advancing into it, the move form and its options, Undo, in both languages")
  void buttons() {
    Shown card = seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "candidates for Nameless Engineer"));

    FeatureHarness.Clicked advanced = clicked(h.click(card.button("advance", "name", "Nia Nu"), LI));
    assertEquals(NAMELESS, h.hire.applicationOf(h.hire.talent("Nia Nu"), job).stage());
    assertTrue(advanced.toast().contains("Interview"), advanced.toast());
    clicked(h.click(advanced.card().buttons("undo").get(0), LI));

    h.click(card.button("more", "name", "Omar Ou"), LI, "move", Map.of());
    Shown form = seen(h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown());
    assertTrue(form.contains("**Omar Ou** is in **Interview**"), form.all());

    assertNoId();
  }

  @Test
  @DisplayName("typed: moving into it and out of it, advancing into it, and the outcome cards")
  void typed() {
    Shown move = seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Omar Ou to offer"));
    assertTrue(move.contains("from Interview to **Offer**"), move.all());
    FeatureHarness.Clicked moved = clicked(h.click(move.buttons("move.confirm").get(0), LI));
    clicked(h.click(moved.card().buttons("undo").get(0), LI));

    Shown advance = seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "advance Nia Nu"));
    assertTrue(advance.contains("to **Interview**"), advance.all());
    clicked(h.click(advance.buttons("advance").get(0), LI));
    seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Nia Nu to interview"));
    seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "move Nia Nu to nowhere"));

    assertNoId();
  }

  @Test
  @DisplayName("two nameless stages of one kind are numbered in process order: move form, toast, Undo, pipeline")
  void numberedRounds() {
    // GIVEN a process whose two interview rounds Hire gave no names, and a candidate in screening
    JobProcess process = new JobProcess("process_rounds", "流程", "Process",
        List.of(SCREENING, FIRST_ROUND, SECOND_ROUND, OFFER));
    h.hire.addProcess(process);
    Job rounds = h.hire.addJob(new Job("job_rounds", "RD-001", "Rounds Engineer", process.id(), true),
        new JobTeam("job_rounds", LI, List.of(), List.of()));
    h.hire.addApplication(rounds, h.hire.addTalent("Rae Ro", "13900000023", "rae@example.com"), SCREENING,
        h.clock.instant());
    // (Hire's get_detail describes her stage as it is, nameless and unnumbered)
    h.hire.addApplication(rounds, h.hire.addTalent("Sol So", "13900000024", "sol@example.com"), SECOND_ROUND,
        h.clock.instant());
    Shown card = seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "candidates for Rounds Engineer"));
    h.click(card.button("more", "name", "Sol So"), LI, "move", Map.of());
    String sol = Shown.readable(h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown());
    assertTrue(sol.contains("**Sol So** is in **Interview 2**"), sol);

    // THEN the move form offers each round by its number, in both languages
    h.click(card.button("more", "name", "Rae Ro"), LI, "move", Map.of());
    String form = Shown.readable(h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown());
    assertTrue(form.indexOf("Interview 1") >= 0 && form.indexOf("Interview 1") < form.indexOf("Interview 2"), form);

    // AND advancing says which round she entered, and so does the card's Undo of it
    FeatureHarness.Clicked advanced = clicked(h.click(card.button("advance", "name", "Rae Ro"), LI));
    assertEquals(FIRST_ROUND.id(), h.hire.applicationOf(h.hire.talent("Rae Ro"), rounds).stage().id());
    assertTrue(advanced.toast().contains("Rae Ro → Interview 1"), advanced.toast());
    FeatureHarness.Clicked second = clicked(h.click(advanced.card().button("advance", "name", "Rae Ro"), LI));
    assertTrue(second.toast().contains("Rae Ro → Interview 2"), second.toast());
    assertTrue(Shown.readable(second.card()).contains("Interview 2"), Shown.readable(second.card()));
    h.click(second.card().button("more", "name", "Rae Ro"), LI, "move", Map.of());
    String again = Shown.readable(h.messenger.last(RecordingMessenger.Kind.SEND_EPHEMERAL).shown());
    assertTrue(again.contains("**Rae Ro** is in **Interview 2**"), again);

    // AND the pipeline card names the two rounds apart, in English and Chinese
    String en = Shown.readable(seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "pipeline for job Rounds Engineer")));
    assertTrue(en.contains("Interview 1") && en.contains("Interview 2"), en);
    String zh = Shown.readable(seen(h.inGroup(FeatureHarness.TEAM_CHAT, LI, "Rounds Engineer的招聘漏斗")));
    assertTrue(zh.contains("面试 1") && zh.contains("面试 2"), zh);
    assertNoId();
  }

  private Shown seen(Shown shown) {
    read.add(Shown.readable(shown));
    return shown;
  }

  private FeatureHarness.Clicked clicked(FeatureHarness.Clicked c) {
    read.add(c.toast() == null ? "" : c.toast());
    if (c.card() != null) {
      seen(c.card());
    }
    return c;
  }

  private void assertNoId() {
    h.messenger.sent().forEach(o -> read.add(Shown.readable(o.shown())));
    assertFalse(read.isEmpty());
    for (String text : read) {
      assertFalse(text.contains(NAMELESS.id()), text);
    }
  }
}
