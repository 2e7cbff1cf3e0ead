package io.hirebot.schedule;

import io.hirebot.error.FeishuApiException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Routine}s on re-armed Vert.x timers, never two runs of one routine at once, with the time
 * taken from an injected {@link Clock} so tests move time instead of waiting for it. Everything it does happens
 * on one context, the one it was made on (the verticle's, or its own when made outside any), whoever calls it:
 * a trigger from another thread queues behind the run in flight instead of racing it.
 */
public final class Scheduler {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final Vertx vertx;
  private final Context context;
  private final Clock clock;
  private final List<Slot> slots = new ArrayList<>();
  private volatile boolean stopped;

  /** One routine and the tail of its run chain (runs are serialized by chaining on it). */
  private static final class Slot {
    final Routine routine;
    Future<Void> last = Future.succeededFuture();
    long timer = -1;

    Slot(Routine routine) {
      this.routine = routine;
    }
  }

  public Scheduler(Vertx vertx, Clock clock) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.clock = clock;
  }

  public Scheduler add(Routine routine) {
    slots.add(new Slot(routine));
    return this;
  }

  /** Runs every routine now (or after its initial delay), then each again one period after its run finishes. */
  public void start() {
    context.runOnContext(v -> slots.forEach(slot -> {
      long delay = slot.routine.initialDelay().toMillis();
      if (delay > 0) {
        slot.timer = vertx.setTimer(delay, t -> runAndRearm(slot));
      } else {
        runAndRearm(slot);
      }
    }));
  }

  /** Runs every routine once more, after any run in flight; completes when all have finished. */
  public Future<Void> runNow() {
    return onContext(() -> Future.join(slots.stream().map(this::enqueue).toList())
        .transform(r -> Future.<Void>succeededFuture()));
  }

  /** The earliest {@link Routine#nextDue} of all routines after {@code now}; a routine that fails to say is skipped. */
  public Future<java.util.Optional<java.time.Instant>> nextDue(java.time.Instant now) {
    return Future.future(p -> vertx.runOnContext(v -> {
      List<Future<java.util.Optional<java.time.Instant>>> each = new ArrayList<>();
      slots.forEach(s -> each.add(s.routine.nextDue(now).otherwise(java.util.Optional.empty())));
      Future.join(each).map(all -> each.stream().map(Future::result).flatMap(java.util.Optional::stream)
          .filter(now::isBefore).min(java.util.Comparator.naturalOrder())).onComplete(p);
    }));
  }

  /** Starts no more runs; completes when the runs in flight have finished. */
  public Future<Void> stop() {
    stopped = true;
    return onContext(() -> {
      slots.forEach(s -> vertx.cancelTimer(s.timer));
      return Future.join(slots.stream().map(s -> s.last).toList()).mapEmpty();
    });
  }

  private void runAndRearm(Slot slot) {
    if (stopped) {
      return;
    }
    // Re-armed from the context, so the timer fires there too (a run may end on a worker thread).
    enqueue(slot).onComplete(r -> context.runOnContext(v -> {
      if (!stopped) {
        slot.timer = vertx.setTimer(slot.routine.period().toMillis(), t -> runAndRearm(slot));
      }
    }));
  }

  /** Called on the context only, so reading and moving a slot's tail never races. */
  private Future<Void> enqueue(Slot slot) {
    // The previous run may complete on another thread (a database worker): the next one still starts here.
    Future<Void> run = slot.last.transform(previous -> onContext(() -> runOnce(slot.routine)));
    slot.last = run;
    return run;
  }

  /** {@code work} on the scheduler's context: at once when already there, else queued to it. */
  private Future<Void> onContext(Supplier<Future<Void>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  private Future<Void> runOnce(Routine routine) {
    Future<Void> run;
    try {
      run = routine.run(clock.instant());
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    return run.recover(e -> {
      if (e instanceof FeishuApiException fe && fe.isMissingScope()) {
        // Logged once when the scope was found missing; a line every period would bury that one.
        log.debug("routine skipped routine={} missing_scope={}", routine.name(), fe.missingScope());
      } else {
        log.error("routine failed routine={} cause={}", routine.name(), e.toString(), e);
      }
      return Future.succeededFuture();
    });
  }
}
