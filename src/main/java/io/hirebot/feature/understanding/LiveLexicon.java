package io.hirebot.feature.understanding;

import io.hirebot.command.Lexicon;
import io.hirebot.hire.HireDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parser's lexicon, kept fresh by the bot's own answers: after a card was sent, a lexicon older than
 * {@link #MAX_AGE_MS} is reloaded once from the (cached) jobs and processes; parses use what it has meanwhile. Nothing
 * reads Hire at start, while no one asks, or for a message the gates refuse.
 */
public final class LiveLexicon implements Supplier<Lexicon> {
  private static final Logger log = LoggerFactory.getLogger(LiveLexicon.class);
  /** Jobs open and close a few times a day: a minute's delay before a new one is read by name is fine. */
  static final long MAX_AGE_MS = 60_000;

  private final Vertx vertx;
  private final HireDirectory hire;
  private final AtomicBoolean loading = new AtomicBoolean();
  private volatile Lexicon current = Lexicon.EMPTY;
  private volatile long loadedAt = Long.MIN_VALUE;

  public LiveLexicon(Vertx vertx, HireDirectory hire) {
    this.vertx = vertx;
    this.hire = hire;
  }

  @Override
  public Lexicon get() {
    return current;
  }

  /** Starts one reload when the lexicon was never loaded or is older than {@link #MAX_AGE_MS}. */
  public void refreshIfStale() {
    long now = System.nanoTime();
    boolean stale = loadedAt == Long.MIN_VALUE || now - loadedAt > TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MS);
    if (stale && loading.compareAndSet(false, true)) {
      reload().onComplete(r -> loading.set(false));
    }
  }

  /**
   * Reads the jobs and processes into a new lexicon; a failure keeps the last one (and is retried next parse). The
   * building goes to a worker: it folds and splits every open job's title (20 ms for a thousand jobs warm, 150-360 ms
   * the first times), and ran on the event loop that had just sent a card.
   */
  Future<Lexicon> reload() {
    try {
      return Future.all(hire.jobs(), hire.processes()).compose(all -> vertx.executeBlocking(() -> {
        Lexicon next = Lexicon.of(all.resultAt(0), all.resultAt(1));
        current = next;
        loadedAt = System.nanoTime();
        return next;
      }, false)).onFailure(e -> log.warn("lexicon reload failed, keeping the last one jobs={} cause={}", current.jobCount(),
          e.toString()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
