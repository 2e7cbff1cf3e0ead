package io.hirebot.bot.middleware;

import io.hirebot.bot.InFlight;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable claim: an event is taken once across retries, replicas and restarts ({@link ProcessedEvents}); a
 * duplicate stops here, acknowledged. A card click is not claimed: Feishu never retries a callback, and a click's
 * writes are made once by {@code ActionOnce}.
 */
public final class Deduplicate implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(Deduplicate.class);

  private final ProcessedEvents processed;
  private final InFlight inFlight;
  private final MeterRegistry metrics;

  public Deduplicate(ProcessedEvents processed, InFlight inFlight, MeterRegistry metrics) {
    this.processed = processed;
    this.inFlight = inFlight;
    this.metrics = metrics;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return EnumSet.complementOf(EnumSet.of(Inbound.Kind.CARD_ACTION));
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    String key = in.event().dedupKey();
    return processed.claim(key, in.envelope()).compose(first -> {
      if (!first) {
        metrics.counter("hirebot.events.duplicate").increment();
        log.debug("duplicate event dropped key={}", key);
        in.accept();
        return Future.succeededFuture(Answer.NONE);
      }
      // Processing starts after the claim is stored; the row is finished only when it is done, so a crash in
      // between leaves it for the replay.
      return inFlight.admit(in).compose(v -> next.run());
    });
  }
}
