package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the sandbox answered, in order of response, up to the last {@value #CAPACITY} (so long benchmarks
 * do not grow without bound); thread-safe.
 */
public final class RequestLog {

  public static final int CAPACITY = 100_000;

  private final List<RecordedRequest> requests = new ArrayList<>();
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
    done.forEach(Runnable::run);
  }
}
