package io.hirebot.hire;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.error.FeishuApiException;
import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.SmallTenant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the cache keeps after the bot's own writes: the card answering a click must show them without reading again. */
class CachingHireDirectoryTest {
  private final FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), Clock.systemUTC());
  private final CachingHireDirectory cached = new CachingHireDirectory(hire);
  private final Job job = SmallTenant.BACKEND;
  private Application alice;

  @BeforeEach
  void readTheList() {
    alice = hire.applicationOf(hire.talent("Alice Chen"), job);
    // What the candidates card read: the processes, each stage's list and the page's applications.
    await(new PipelineReader(cached).read(job, 0, 8));
    hire.resetCalls();
  }

  private List<String> ids(Stage stage) {
    return await(cached.activeApplicationIds(job.id(), stage.id()));
  }

  @Test
  @DisplayName("a move Hire accepted shows in the cached lists and application, with no list read again")
  void moveKept() {
    await(cached.transferStage(alice.id(), SmallTenant.INTERVIEW.id()));
    hire.resetCalls();

    PipelinePage page = await(new PipelineReader(cached).read(job, 0, 8));
    List<String> screening = ids(SmallTenant.SCREENING);
    List<String> interview = ids(SmallTenant.INTERVIEW);

    assertEquals(List.of(), hire.calls(), "rendered from what the move left in the cache");
    assertEquals(Set.copyOf(await(hire.activeApplicationIds(job.id(), SmallTenant.SCREENING.id()))), Set.copyOf(screening));
    assertEquals(Set.copyOf(await(hire.activeApplicationIds(job.id(), SmallTenant.INTERVIEW.id()))), Set.copyOf(interview));
    Application shown = page.applications().stream().filter(a -> a.id().equals(alice.id())).findFirst().orElseThrow();
    assertEquals(SmallTenant.INTERVIEW, shown.stage());
    assertNull(shown.stageEnteredAt(), "when it entered the stage is Hire's to say");
  }

  @Test
  @DisplayName("a rejection Hire accepted leaves the cached lists without the application")
  void rejectionKept() {
    await(cached.terminate(alice.id(), TerminationReason.WE_REJECTED, List.of("reason_skills"), ""));
    hire.resetCalls();

    assertFalse(ids(SmallTenant.SCREENING).contains(alice.id()));
    assertFalse(await(cached.application(alice.id())).active());
    assertEquals(List.of(), hire.calls(), "both from the cache");
  }

  @Test
  @DisplayName("a write Hire refused forgets what was cached: the next card reads it all again")
  void refusedWriteForgets() {
    hire.failNext("transferStage", new FeishuApiException("hire.application.transfer_stage", 400, 1002205,
        "locked", "log_x"));
    assertTrue(cached.transferStage(alice.id(), SmallTenant.INTERVIEW.id()).failed());
    hire.resetCalls();

    assertTrue(ids(SmallTenant.SCREENING).contains(alice.id()));
    assertEquals(SmallTenant.SCREENING, await(cached.application(alice.id())).stage());
    assertEquals(List.of("activeApplicationIds", "application"),
        hire.calls().stream().map(FakeHireDirectory.Call::operation).toList(), "both read again");
  }

  @Test
  @DisplayName("written tests are kept per application: a page that changed by a row asks Hire about that row only")
  void writtenTestsPerApplication() {
    String bob = hire.applicationOf(hire.talent("Bob Zhou"), job).id();
    String carol = hire.applicationOf(hire.talent("Carol Wu"), job).id();
    WrittenTest test = new WrittenTest(bob, 2, "88", "Backend paper", null);
    hire.writtenTest(test);
    assertEquals(Map.of(bob, test), await(cached.writtenTests(List.of(alice.id(), bob))));

    assertEquals(Map.of(bob, test), await(cached.writtenTests(List.of(bob, carol))));

    assertEquals(List.of(List.of(alice.id(), bob), List.of(carol)),
        hire.calls("writtenTests").stream().map(c -> c.arg(0)).toList());
  }

  @Test
  @DisplayName("a fresh interview read asks Hire even when the range is cached, and keeps what it read for the next read")
  void interviewsNowReadsAgain() {
    java.time.Instant from = java.time.Instant.parse("2026-12-04T00:00:00Z");
    java.time.Instant to = from.plus(java.time.Duration.ofDays(1));
    await(cached.interviews(from, to));

    await(cached.interviewsNow(from, to));
    await(cached.interviews(from, to));

    assertEquals(2, hire.calls("interviews").size(), "the cached read, the fresh one, and nothing after it");
  }
}
