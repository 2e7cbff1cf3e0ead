package io.hirebot.feishu.outbound;

import io.hirebot.error.FeishuApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Feishu Hire is answering, for the whole bot (Vert.x's circuit breaker): a call gets at most the call
 * timeout; after {@code maxFailures} outage failures in a row (no answer, no connection, a 5xx, an unreadable body)
 * calls fail at once with the last failure's log id instead of waiting, and every probe interval one probe call
 * tries Hire again, closing the circuit when it answers. Refusals and rate limits mean Hire is answering: they
 * never count.
 */
public final class HireCircuit {
  private static final Logger log = LoggerFactory.getLogger(HireCircuit.class);

  /**
   * @param callTimeout the longest one call may take before it counts as unanswered
   * @param maxFailures outage failures in a row (within ten seconds) that open the circuit
   * @param probeInterval how long the circuit stays open before a probe tries Hire again
   */
  public record Settings(Duration callTimeout, int maxFailures, Duration probeInterval) {}

  /** The last outage failure and when it happened, for "tried N s ago, log id …". */
  private record LastFailure(FeishuApiException failure, long atNanos) {}

  private final CircuitBreaker breaker;
  private final Settings settings;
  private volatile LastFailure last;
  private volatile Supplier<Future<?>> probe = () -> Future.succeededFuture();
  private volatile boolean closed;

  public HireCircuit(Vertx vertx, Settings settings, MeterRegistry metrics) {
    this.settings = settings;
    this.breaker = CircuitBreaker.create("feishu-hire", vertx, new CircuitBreakerOptions()
            .setMaxFailures(settings.maxFailures())
            .setTimeout(settings.callTimeout().toMillis())
            .setResetTimeout(settings.probeInterval().toMillis())
            .setNotificationAddress(null))
        .failurePolicy(HireCircuit::countsAsOutage)
        .openHandler(v -> log.warn("feishu hire circuit open: calls fail at once; probing every {} ms last={}",
            settings.probeInterval().toMillis(), describeLast()))
        .halfOpenHandler(v -> runProbe())
        .closeHandler(v -> log.info("feishu hire circuit closed: Hire answers again"));
    for (CircuitBreakerState s : CircuitBreakerState.values()) {
      Gauge.builder("hirebot.feishu.circuit.state", breaker, b -> b.state() == s ? 1 : 0)
          .description("1 for the state the Feishu Hire circuit is in")
          .tag("circuit", "hire").tag("state", s.name().toLowerCase(Locale.ROOT))
          .register(metrics);
    }
  }

  /** The call Hire is probed with: a cheap read that itself runs through {@link #execute}; set once the SDK client exists. */
  public void probeWith(Supplier<Future<?>> probeCall) {
    this.probe = probeCall;
  }

  /** Runs one Hire call under the circuit; a refused, timed-out or failed call fails with FeishuApiException. */
  <T> Future<T> execute(String operation, Supplier<Future<T>> call) {
    return breaker.<T>execute(call).recover(e -> {
      FeishuApiException failure = asFailure(operation, e);
      if (failure.kind() != FeishuApiException.Kind.NOT_TRIED && failure.isOutage()) {
        last = new LastFailure(failure, System.nanoTime());
      }
      return Future.failedFuture(failure);
    });
  }

  private FeishuApiException asFailure(String operation, Throwable e) {
    if (e instanceof FeishuApiException fe) {
      return fe;
    }
    if (e instanceof TimeoutException) {
      return new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, operation, 0, -1, "no answer", "",
          settings.callTimeout());
    }
    if (e instanceof OpenCircuitException) {
      LastFailure l = last;
      Duration ago = l == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - l.atNanos());
      // The last failure's HTTP status goes with it: Hire answering 502s is failing, not silent.
      return new FeishuApiException(FeishuApiException.Kind.NOT_TRIED, operation,
          l == null ? 0 : l.failure().httpStatus(), -1,
          "Feishu Hire is failing" + (l == null ? "" : "; last failure: " + l.failure().getMessage()),
          l == null ? "" : l.failure().logId(), ago);
    }
    return new FeishuApiException(FeishuApiException.Kind.UNREACHABLE, operation, 0, -1,
        e.getClass().getSimpleName() + ": " + e.getMessage(), "", Duration.ZERO);
  }

  private static boolean countsAsOutage(Future<?> outcome) {
    if (outcome.succeeded()) {
      return false;
    }
    return !(outcome.cause() instanceof FeishuApiException fe) || fe.isOutage();
  }

  /** Stops probing: the bot is stopping, and its SDK pools with it. */
  public void close() {
    closed = true;
  }

  private void runProbe() {
    if (closed) {
      return;
    }
    log.info("feishu hire circuit half-open: probing Hire");
    Future<?> p;
    try {
      p = probe.get();
    } catch (RuntimeException e) {
      p = Future.failedFuture(e);
    }
    p.onFailure(e -> {
      if (!closed) {
        log.warn("feishu hire probe failed cause={}", e.getMessage());
      }
    });
  }

  /** closed, open or half_open. */
  public String state() {
    return breaker.state().name().toLowerCase(Locale.ROOT);
  }

  /** For /healthz: the state, and the last outage failure with its age and log id. */
  public JsonObject status() {
    JsonObject status = new JsonObject().put("state", state());
    LastFailure l = last;
    if (l != null) {
      status.put("last_failure", new JsonObject()
          .put("operation", l.failure().operation())
          .put("kind", l.failure().kind().name().toLowerCase(Locale.ROOT))
          .put("http_status", l.failure().httpStatus())
          .put("log_id", l.failure().logId())
          .put("seconds_ago", Duration.ofNanos(System.nanoTime() - l.atNanos()).toSeconds()));
    }
    return status;
  }

  private String describeLast() {
    LastFailure l = last;
    return l == null ? "none" : l.failure().getMessage();
  }
}
