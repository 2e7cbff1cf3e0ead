package io.hirebot.bot;

import io.hirebot.bot.middleware.Inbound;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claimed events being handled now, for the graceful shutdown: each one's outcome is stored when it ends
 * (finished, or failed for a retry or parked), and a shutdown waits for them, then hands the rest back.
 */
public final class InFlight {
  private static final Logger log = LoggerFactory.getLogger(InFlight.class);

  private final Vertx vertx;
  private final ProcessedEvents processed;
  private final MeterRegistry metrics;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private volatile boolean taking = true;

  public InFlight(Vertx vertx, ProcessedEvents processed, MeterRegistry metrics) {
    this.vertx = vertx;
    this.processed = processed;
    this.metrics = metrics;
  }

  /** Thrown once {@link #drain} began: the event was not taken. */
  public static final class StoppedTaking extends IllegalStateException {
    StoppedTaking() {
      super("shutting down: not taking events");
    }
  }

  /** How a shutdown left the events that were in flight. */
  public record Drained(int finished, int handedBack) {}

  /** One claimed event being handled; {@code handedBack} once a shutdown released its claim instead. */
  private static final class Running {
    final Inbound in;
    final Promise<Void> settled = Promise.promise();
    boolean workDone;
    boolean handedBack;

    Running(Inbound in) {
      this.in = in;
    }
  }

  public boolean taking() {
    return taking;
  }

  /** How many claimed events are being handled now. */
  public int size() {
    return running.size();
  }

  /**
   * Takes a just-claimed event: it is tracked and acknowledged, or, if the shutdown began meanwhile, its claim is
   * handed straight back and it fails with {@link StoppedTaking} (the webhook then answers 503).
   */
  public Future<Void> admit(Inbound in) {
    String key = in.event().dedupKey();
    if (!taking) {
      StoppedTaking stopped = new StoppedTaking();
      return processed.release(key).transform(r -> Future.failedFuture(stopped));
    }
    running.put(key, new Running(in));
    in.accept();
    return Future.succeededFuture();
  }

  /** Stores how a tracked event ended (nothing for one never admitted, or one already handed back). */
  public void settle(Inbound in, AsyncResult<?> outcome) {
    String key = in.event().dedupKey();
    Running r = running.get(key);
    if (r == null || r.in != in) {
      return;
    }
    synchronized (r) {
      if (r.handedBack) {
        return; // its claim is back in the store: the next process replays it
      }
      r.workDone = true;
    }
    Future<?> recorded = outcome.succeeded() ? processed.done(key) : recordFailure(in, outcome.cause());
    recorded.onFailure(e -> log.error("recording the event's outcome failed key={} cause={}", key, e.toString()))
        .onComplete(x -> {
          running.remove(key, r);
          r.settled.tryComplete();
        });
  }

  private Future<ProcessedEvents.Failure> recordFailure(Inbound in, Throwable cause) {
    String key = in.event().dedupKey();
    String kind = in.event().getClass().getSimpleName();
    String error = cause.toString();
    return processed.failed(key, error).onSuccess(f -> {
      if (f.parked()) {
        metrics.counter("hirebot.events.parked").increment();
        log.error("event parked after failed attempts key={} kind={} attempts={} cause={}", key, kind, f.attempts(),
            error);
      } else if (f.retryAt() != null) {
        metrics.counter("hirebot.events.failed").increment();
        log.warn("event failed, will retry key={} kind={} attempt={} retry_at={} cause={}", key, kind, f.attempts(),
            f.retryAt(), error);
      }
    });
  }

  /**
   * Stops taking events, waits up to {@code grace} for the events in flight to finish (and their outcome to
   * be stored), then hands the rest back: their claims are released so the next process replays them at once.
   */
  public Future<Drained> drain(Duration grace) {
    taking = false;
    List<Running> all = List.copyOf(running.values());
    Promise<Void> waited = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, grace.toMillis()), t -> waited.tryComplete());
    Future.join(all.stream().map(r -> r.settled.future()).toList()).onComplete(r -> {
      vertx.cancelTimer(timer);
      waited.tryComplete();
    });
    return waited.future().compose(v -> {
      List<Future<Void>> releases = new ArrayList<>();
      running.forEach((key, r) -> {
        synchronized (r) {
          if (r.workDone) {
            return; // only its bookkeeping is left; it finishes on its own
          }
          r.handedBack = true;
        }
        releases.add(processed.release(key).onComplete(x -> {
          running.remove(key, r);
          r.settled.tryComplete();
        }));
      });
      return Future.join(releases).transform(x -> {
        List<Future<Void>> rest = running.values().stream().map(r -> r.settled.future()).toList();
        // Bookkeeping of events that just finished: brief, but it must land before the database closes.
        return Future.join(rest).transform(y -> Future.succeededFuture(
            new Drained(all.size() - releases.size(), releases.size())));
      });
    });
  }
}
