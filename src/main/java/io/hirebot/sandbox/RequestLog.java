package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the sandbox answered, in arrival-of-response order; thread-safe. */
public final class RequestLog {

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
      requests.add(request);
      done = waiters.offer(request);
    }
    done.forEach(Runnable::run);
  }
}
