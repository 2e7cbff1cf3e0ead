package io.hirebot.app;

import io.hirebot.error.MissingScopes;
import io.hirebot.feishu.outbound.FeishuBotInfo;
import io.hirebot.feishu.outbound.ScopeProbes;
import io.hirebot.schedule.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Learns the bot's own open_id from Feishu once per process, however many verticle instances serve (retrying in
 * the background while Feishu is unreachable); once it is known and the bot serves ({@link #serving()}), starts the
 * routines and runs the scope self-check, then hourly (a report for admins, not a condition of serving). Stopped with
 * the bot: no call, retry or check after that. A start that fails (its port taken) never served: no routine or
 * check ran, so no Hire call is in flight when the process exits.
 */
final class BotIdentity {
  private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);
  static final long RETRY_MS = 5_000;
  /** Start-up waits this long for Feishu to say who the bot is, then serves anyway. */
  static final long WAIT_MS = 5_000;
  /**
   * How long serving waits, once the identity is known, for the self-check's first wave: it only opens connections
   * for a first command, so a Hire that does not answer (the probes keep the SDK's 10 s timeout) does not hold the start.
   */
  static final long WAVE_WAIT_MS = 3_000;
  /** An admin may add a scope at any time; the self-check notices within this long. */
  static final long SCOPE_CHECK_PERIOD_MS = 3_600_000;
  /** How often a probe waiting for users to be served looks again. */
  static final long YIELD_POLL_MS = 20;
  /** A bot never idle still gets its check: a probe waits for users at most this long. */
  static final long YIELD_MAX_MS = 10_000;

  /** The level of what operators read about the identity, and of what they must act on. */
  private final Level notice;
  private final Level warning;
  private final Vertx vertx;
  private final FeishuBotInfo botInfo;
  private final ScopeProbes scopeProbes;
  private final MissingScopes missingScopes;
  private final AtomicReference<String> openId;
  private final Scheduler scheduler;
  /** Completes when the identity is known and the first wave answered, or after {@link #WAIT_MS}. */
  private final Promise<Void> ready = Promise.promise();
  /** Whether this is the warm-up's throwaway bot: it serves nobody and sends no self-check. */
  private final boolean throwaway;
  /** The self-check's first probes, sent with the identity call ({@link ScopeProbes#firstWave}); null until then. */
  private Future<List<ScopeProbes.Finding>> firstWave;
  private volatile boolean scopesChecked;
  /** Whether a user's event is being handled: the self-check's probes wait for none ({@link #yieldTo}). */
  private volatile BooleanSupplier busy = () -> false;
  private boolean started;
  private volatile boolean stopped;
  /** Whether every HTTP instance listens ({@link #serving()}). */
  private boolean serving;
  private boolean known;
  /** Whether the routines and the hourly self-check have started. */
  private boolean begun;
  /** The pending retry or the hourly self-check; -1 when none. */
  private long timer = -1;

  /** @param throwaway the warm-up's: its lines are DEBUG, so the first identity operators read is the real bot's */
  BotIdentity(Vertx vertx, FeishuBotInfo botInfo, ScopeProbes scopeProbes, MissingScopes missingScopes,
      AtomicReference<String> openId, Scheduler scheduler, boolean throwaway) {
    this.notice = throwaway ? Level.DEBUG : Level.INFO;
    this.warning = throwaway ? Level.DEBUG : Level.WARN;
    this.vertx = vertx;
    this.botInfo = botInfo;
    this.scopeProbes = scopeProbes;
    this.missingScopes = missingScopes;
    this.openId = openId;
    this.scheduler = scheduler;
    this.throwaway = throwaway;
  }

  private synchronized boolean isKnown() {
    return known;
  }

  /**
   * Starts learning the identity on the first call, and sends the scope self-check's first wave beside it; every call
   * returns the same future, which completes once the identity is known and that wave answered (or
   * {@link #WAVE_WAIT_MS} after the identity, whichever comes first), or after
   * {@link #WAIT_MS} (serving anyway; group mentions are recognised once the identity is known). The wave's
   * connections are what a first command's Hire calls then use (no user is waiting while it is sent); the rest of the
   * check follows once the bot serves, one probe at a time, and {@code /healthz} says {@code scope_check: pending}
   * until it is done.
   */
  synchronized Future<Void> ready() {
    if (!started && !stopped) {
      started = true;
      long wait = vertx.setTimer(WAIT_MS, t -> {
        if (ready.tryComplete() && !isKnown()) {
          log.atLevel(warning).log("bot identity not known after {} ms; serving anyway; group mentions are not "
              + "recognised until it is", WAIT_MS);
        }
      });
      ready.future().onComplete(r -> vertx.cancelTimer(wait));
      // The identity call first: the wave's six calls queued ahead of it delayed it (and the start) for nothing.
      fetch();
      firstWave = throwaway ? Future.succeededFuture(List.of()) : scopeProbes.firstWave();
    }
    return ready.future();
  }

  /**
   * The self-check's probes wait while {@code busy} says a user's event is being handled. Sent together at serving,
   * the dozen probes overlapped a user's first command: with Hire 50 ms away its first Hire call left ~20 ms later
   * and its reply came ~40 ms later (the latency benchmark, cold samples with and without the check done first).
   */
  void yieldTo(BooleanSupplier busy) {
    this.busy = busy;
  }

  /** Whether the start-up scope self-check has finished. */
  boolean scopesChecked() {
    return scopesChecked;
  }

  /**
   * The bot serves (every instance listens): the routines and the scope self-check start now, or once the identity
   * is known if it is not yet.
   */
  void serving() {
    boolean check;
    synchronized (this) {
      serving = true;
      check = known && begin();
    }
    if (check) {
      checkScopes().onComplete(done -> scopesChecked = true);
    }
  }

  /** No more calls, retries or checks; a call in flight is ignored when it answers. */
  synchronized void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    ready.tryComplete();
  }

  private synchronized void fetch() {
    if (stopped) {
      return;
    }
    botInfo.fetch().onComplete(r -> {
      boolean check;
      Future<List<ScopeProbes.Finding>> wave;
      synchronized (this) {
        if (stopped) {
          return;
        }
        if (r.failed()) {
          log.atLevel(warning).log("bot identity unavailable, retrying in {} ms cause={}", RETRY_MS,
              r.cause().getMessage());
          timer = vertx.setTimer(RETRY_MS, t -> fetch());
          return;
        }
        wave = firstWave;
        FeishuBotInfo.BotIdentity id = r.result();
        log.atLevel(notice).log("bot identity open_id={} app_name={}", id.openId(), id.appName());
        openId.set(id.openId());
        known = true;
        check = serving && begin();
      }
      // Read under the lock: once serving, checkScopes takes the wave over and clears it.
      (wave == null ? Future.succeededFuture() : wave.timeout(WAVE_WAIT_MS, TimeUnit.MILLISECONDS))
          .onComplete(w -> ready.tryComplete());
      if (check) {
        checkScopes().onComplete(done -> scopesChecked = true);
      }
    });
  }

  /**
   * Starts the routines and the hourly self-check, once: the routines wait for the identity (a replayed group message
   * needs it to see the mention) and for serving. Called holding the lock. @return whether to run the first check
   */
  private boolean begin() {
    if (stopped || begun) {
      return false;
    }
    begun = true;
    scheduler.start();
    timer = vertx.setPeriodic(SCOPE_CHECK_PERIOD_MS, t -> checkScopes());
    return true;
  }

  /**
   * One line per missing scope (logged once by MissingScopes) and a summary line per run. Past the start's first wave
   * (sent before serving), the probes go one at a time, each once no user's event is in flight ({@link #yieldTo}): a
   * report for admins never holds up an answer.
   */
  private Future<?> checkScopes() {
    if (stopped) {
      return Future.succeededFuture();
    }
    // The start's first wave once; the hourly checks probe every scope again.
    Future<List<ScopeProbes.Finding>> known;
    synchronized (this) {
      known = firstWave == null ? Future.succeededFuture(List.of()) : firstWave;
      firstWave = null;
    }
    return known.compose(wave -> scopeProbes.checkInto(missingScopes, wave, this::usersServed))
        .onSuccess(findings -> log.info(
        "feishu scope self-check checked={} missing={} unknown={} not_checkable_by_call={}", findings.size(),
        findings.stream().filter(f -> f.outcome() == ScopeProbes.Outcome.MISSING).map(ScopeProbes.Finding::scope)
            .toList(),
        findings.stream().filter(f -> f.outcome() == ScopeProbes.Outcome.UNKNOWN).map(ScopeProbes.Finding::scope)
            .toList(),
        scopeProbes.uncheckable()));
  }

  /** Completes once no user's event is in flight (or after {@link #YIELD_MAX_MS}); fails once stopped. */
  private Future<Void> usersServed() {
    Promise<Void> turn = Promise.promise();
    awaitIdle(turn, System.nanoTime());
    return turn.future();
  }

  private void awaitIdle(Promise<Void> turn, long since) {
    if (stopped) {
      turn.fail(new IllegalStateException("bot stopped: scope self-check abandoned"));
    } else if (!busy.getAsBoolean() || System.nanoTime() - since >= TimeUnit.MILLISECONDS.toNanos(YIELD_MAX_MS)) {
      turn.complete();
    } else {
      vertx.setTimer(YIELD_POLL_MS, t -> awaitIdle(turn, since));
    }
  }
}
