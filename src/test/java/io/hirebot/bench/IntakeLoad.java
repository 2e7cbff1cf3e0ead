package io.hirebot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop push load: each of {@code connections} senders posts the next signed envelope as soon as the
 * previous one is acknowledged, until the time is up. Measures what the bot accepts, not what we offer.
 */
final class IntakeLoad {
  /**
   * What one run did: requests sent, answered 200, failed, sent a second time after no answer at all (which the bot
   * must take as the same event: its duplicate count may reach this), its duration and the ack latencies.
   */
  record Result(long sent, long ok, long failed, long redelivered, long nanos, Stats ack) {
    double perSecond() {
      return ok * 1e9 / Math.max(1, nanos);
    }
  }

  private final BenchHttp http;
  private final int port;
  private final String path;

  IntakeLoad(BenchHttp http, int port, String path) {
    this.http = http;
    this.port = port;
    this.path = path;
  }

  /** @param pushes builds the n-th push (called once per request, before its clock starts) */
  Result run(Duration duration, int connections, LongFunction<SealedPush> pushes) {
    AtomicLong sent = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong redelivered = new AtomicLong();
    Stats ack = new Stats();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<Void>> senders = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Promise<Void> done = Promise.promise();
      next(deadline, sent, ok, failed, redelivered, ack, pushes, done);
      senders.add(done.future());
    }
    BenchHttp.await(Future.all(senders), duration.plusSeconds(30));
    return new Result(sent.get(), ok.get(), failed.get(), redelivered.get(), System.nanoTime() - start, ack);
  }

  private void next(long deadline, AtomicLong sent, AtomicLong ok, AtomicLong failed, AtomicLong redelivered,
      Stats ack, LongFunction<SealedPush> pushes, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    SealedPush push = pushes.apply(sent.getAndIncrement());
    send(push, true, deadline, sent, ok, failed, redelivered, ack, pushes, done);
  }

  /**
   * Posts one push; a post that got no answer at all (status 0: timed out, connection lost) is sent once more, as
   * Feishu redelivers an unacknowledged push (the bot takes each event once, by its id).
   */
  private void send(SealedPush push, boolean mayRetry, long deadline, AtomicLong sent, AtomicLong ok,
      AtomicLong failed, AtomicLong redelivered, Stats ack, LongFunction<SealedPush> pushes, Promise<Void> done) {
    long t0 = System.nanoTime();
    http.post(port, path, push).onComplete(ar -> {
      ack.addNanos(System.nanoTime() - t0);
      int status = ar.succeeded() ? ar.result().status() : 0;
      if (status == 0 && mayRetry) {
        redelivered.incrementAndGet();
        send(push, false, deadline, sent, ok, failed, redelivered, ack, pushes, done);
        return;
      }
      if (status == 200) {
        ok.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
      next(deadline, sent, ok, failed, redelivered, ack, pushes, done);
    });
  }
}
