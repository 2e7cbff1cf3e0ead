package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Every request the sandbox answered, in order of response, up to the last {@value #CAPACITY} (so long benchmarks
 * do not grow without bound); thread-safe.
 */
public final class RequestLog {

  public static final int CAPACITY = 100_000;

  private final List<RecordedRequest> requests = new ArrayList<>();
  /** Requests received and not yet recorded: a response can reach its client before it is recorded here. */
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Waiters<RecordedRequest> waiters;

  RequestLog(Vertx vertx) {
    this.waiters = new Waiters<>(vertx, "request");
  }

  public synchronized List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** Requests with this method whose path matches the regex. */
  public synchronized List<RecordedRequest> matching(String method, String pathRegex) {
    return requests.stream().filter(r -> r.is(method, pathRegex)).toList();
  }

  public long count(String method, String pathRegex) {
    return matching(method, pathRegex).size();
  }

  /** Completes with the first (past or future) request matching the predicate, or fails after the timeout. */
  public Future<RecordedRequest> await(Predicate<RecordedRequest> predicate, Duration timeout) {
    synchronized (this) {
      return waiters.await(requests, predicate, timeout, this);
    }
  }

  /**
   * How many requests the sandbox is still answering. A test that resets the log after its set-up waits for 0
   * first: a set-up call whose answer the bot already read may otherwise be recorded after the reset.
   */
  public int inFlight() {
    return inFlight.get();
  }

  void arrived() {
    inFlight.incrementAndGet();
  }

  public synchronized void reset() {
    requests.clear();
  }

  void record(RecordedRequest request) {
    List<Runnable> done;
    synchronized (this) {
      if (requests.size() >= CAPACITY) {
        requests.subList(0, CAPACITY / 10).clear();
      }
      requests.add(request);
      done = waiters.offer(request);
    }
    inFlight.decrementAndGet();
    done.forEach(Runnable::run);
  }
}
