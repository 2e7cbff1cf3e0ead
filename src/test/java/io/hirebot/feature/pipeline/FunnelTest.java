package io.hirebot.feature.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Funnel")
class FunnelTest {
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final Stage SCREEN = new Stage("s1", "筛选", "Screening", StageType.SCREENING);
  private static final Stage INTERVIEW = new Stage("s2", "面试", "Interview", StageType.INTERVIEW);
  private static final Stage OFFER = new Stage("s3", "Offer", "Offer", StageType.OFFER);

  private static Application in(Stage stage, int daysAgo) {
    Instant entered = NOW.minus(Duration.ofDays(daysAgo));
    return new Application("a" + daysAgo + stage.id(), "j", "t", "", stage, true, entered, entered);
  }

  @Test
  @DisplayName("conversion is the share at or past a stage who are past it; medians per stage")
  void conversionAndMedian() {
    // GIVEN 6 in screening, 3 in interview, 1 at offer
    List<PipelinePage.StageCount> counts = List.of(new PipelinePage.StageCount(SCREEN, 6),
        new PipelinePage.StageCount(INTERVIEW, 3), new PipelinePage.StageCount(OFFER, 1));
    List<Application> sample = List.of(in(SCREEN, 1), in(SCREEN, 3), in(SCREEN, 9), in(INTERVIEW, 2),
        in(INTERVIEW, 4));

    // WHEN the funnel is computed
    Funnel funnel = Funnel.of(counts, none(counts), sample, NOW, ZoneOffset.UTC);

    // THEN 4 of 10 got past screening, 1 of 4 past interview; the last stage has no conversion
    assertEquals(10, funnel.total());
    assertEquals(List.of(40, 25, -1), funnel.steps().stream().map(Funnel.Step::conversion).toList());
    assertEquals(List.of(3L, 3L, -1L), funnel.steps().stream().map(Funnel.Step::medianDays).toList());
  }

  @Test
  @DisplayName("an empty job has no conversions and no medians")
  void empty() {
    List<PipelinePage.StageCount> counts = List.of(new PipelinePage.StageCount(SCREEN, 0),
        new PipelinePage.StageCount(OFFER, 0));
    Funnel funnel = Funnel.of(counts, none(counts), List.of(), NOW, ZoneOffset.UTC);
    assertEquals(List.of(-1, -1), funnel.steps().stream().map(Funnel.Step::conversion).toList());
  }

  @Test
  @DisplayName("drop-outs count as reaching their stage and not passing it; later drop-outs passed the earlier stages")
  void dropOuts() {
    // GIVEN 5 in screening, 3 in interview, none at offer; 4 rejected at screening, 2 at interview, 1 at offer
    List<PipelinePage.StageCount> active = List.of(new PipelinePage.StageCount(SCREEN, 5),
        new PipelinePage.StageCount(INTERVIEW, 3), new PipelinePage.StageCount(OFFER, 0));
    List<PipelinePage.StageCount> dropped = List.of(new PipelinePage.StageCount(SCREEN, 4),
        new PipelinePage.StageCount(INTERVIEW, 2), new PipelinePage.StageCount(OFFER, 1));

    Funnel funnel = Funnel.of(active, dropped, List.of(), NOW, ZoneOffset.UTC);

    // THEN screening: 15 reached it, 6 got past (3 in interview, 2 dropped at interview, 1 at offer) = 40%;
    // interview: 6 reached, 1 past = 17%; the active total leaves the dropped-out out
    assertEquals(8, funnel.total());
    assertEquals(List.of(15, 6, 1), funnel.steps().stream().map(Funnel.Step::reached).toList());
    assertEquals(List.of(6, 1, 0), funnel.steps().stream().map(Funnel.Step::passed).toList());
    assertEquals(List.of(40, 17, -1), funnel.steps().stream().map(Funnel.Step::conversion).toList());
  }

  @Test
  @DisplayName("a rate is 100% only when nobody dropped out: 199 of 200 shows 99%")
  void neverRoundedToAll() {
    List<PipelinePage.StageCount> active = List.of(new PipelinePage.StageCount(SCREEN, 0),
        new PipelinePage.StageCount(OFFER, 199));
    List<PipelinePage.StageCount> dropped = List.of(new PipelinePage.StageCount(SCREEN, 1),
        new PipelinePage.StageCount(OFFER, 0));
    assertEquals(99, Funnel.of(active, dropped, List.of(), NOW, ZoneOffset.UTC).steps().get(0).conversion());
  }

  private static List<PipelinePage.StageCount> none(List<PipelinePage.StageCount> counts) {
    return counts.stream().map(c -> new PipelinePage.StageCount(c.stage(), 0)).toList();
  }
}
