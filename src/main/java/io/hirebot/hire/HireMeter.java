package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command's Hire reads through a metered view of the cached directory and logs, in one line,
 * how many reads had to ask Hire (a cache hit costs nothing; a paged list counts once).
 */
public final class HireMeter {
  private static final Logger log = LoggerFactory.getLogger(HireMeter.class);

  private final CachingHireDirectory hire;

  public HireMeter(CachingHireDirectory hire) {
    this.hire = hire;
  }

  /** Runs {@code work} with a directory that counts its Hire calls; logs the count when the work ends. */
  public <T> Future<T> run(String command, Function<HireDirectory, Future<T>> work) {
    AtomicInteger calls = new AtomicInteger();
    Future<T> result;
    try {
      result = work.apply(hire.metered(calls::incrementAndGet));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.onComplete(r -> log.info("hire calls command={} calls={} outcome={}", command, calls.get(),
        r.succeeded() ? "ok" : "failed"));
  }
}
