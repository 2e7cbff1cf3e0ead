package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.command.Command;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.JobTeam;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.Shown;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A text answer that comes after the 4 s deadline is shown in the card that said "still waiting": it must read as the
 * text message would have, its own markup live (a code span, bold) and the data in it (a job title from Hire) as typed.
 * Waits out the deadline once (~4 s).
 */
class LateTextMarkupTest {
  /** "subscribe job X" as the subscriptions feature answers a job it cannot pick: {@link JobQueries}' text. */
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(h -> registry -> registry.command(Command.Subscribe.class,
      (command, ctx) -> new JobQueries(h.cachedHire, new JobMatcher(), h.messages)
          .resolve(command.jobQuery(), ctx.language()).map(JobQueries.Resolved::reply)));

  @Test
  @DisplayName("a late 'several jobs match' answer keeps its code span and shows a Hire title's markup as typed")
  void lateTextKeepsItsMarkup() {
    h.hire.addJob(new Job("job_hostile", "BE-777", "Backend *Intern* <at id=all></at>", SmallTenant.PROCESS.id(), true),
        new JobTeam("job_hostile", SmallTenant.RECRUITER_LI, List.of(), List.of()));
    Promise<Void> hire = Promise.promise();
    h.hire.holdNext("jobs", hire.future());

    Shown waiting = h.inGroup("subscribe job backend");
    assertTrue(waiting.title().contains("Still waiting for Feishu Hire"), waiting.all());

    h.await(() -> {
      hire.complete();
      return Future.succeededFuture();
    });
    Shown late = h.messenger.last(RecordingMessenger.Kind.UPDATE_CARD).shown();
    System.out.println("late card: " + late.all());
    assertEquals("Finished", late.title(), late.all());
    // Our own markup is live, as in the text message: the example code is a code span.
    assertTrue(late.contains("e.g. `BE-"), late.all());
    assertFalse(late.contains("&#96;BE-"), late.all());
    // Hire's data stays data: no live mention, no emphasis.
    assertFalse(late.contains("<at id=all>"), late.all());
    assertFalse(late.contains("*Intern*"), late.all());
    assertTrue(late.contains("Backend &#42;Intern&#42;"), late.all());
  }
}
