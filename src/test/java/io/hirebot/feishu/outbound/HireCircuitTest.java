package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.error.FeishuApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Hire circuit's probing, and its end with the bot. */
class HireCircuitTest {
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a stopped bot's open circuit probes Hire no more (a probe then found the SDK's pool gone and logged "
      + "a RejectedExecutionException as the process ended)")
  void noProbeAfterClose() throws Exception {
    // GIVEN an open circuit, probed every 100 ms
    HireCircuit circuit = new HireCircuit(vertx, new HireCircuit.Settings(Duration.ofSeconds(1), 1, PROBE_INTERVAL),
        new SimpleMeterRegistry());
    AtomicInteger probes = new AtomicInteger();
    circuit.probeWith(() -> {
      probes.incrementAndGet();
      return Future.failedFuture(new IllegalStateException("pool closed"));
    });
    circuit.execute("hire.job.list", () -> Future.failedFuture(new FeishuApiException(
        FeishuApiException.Kind.NO_ANSWER, "hire.job.list", 0, -1, "no answer", "", Duration.ZERO)))
        .toCompletionStage().toCompletableFuture().handle((v, e) -> null).get(5, TimeUnit.SECONDS);
    assertEquals("open", circuit.state());

    // WHEN the bot stops
    circuit.close();

    // THEN no probe runs in the probe intervals after
    Thread.sleep(PROBE_INTERVAL.multipliedBy(5).toMillis());
    assertEquals(0, probes.get());
  }
}
