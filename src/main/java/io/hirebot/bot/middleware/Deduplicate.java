package io.hirebot.bot.middleware;

import io.hirebot.bot.InFlight;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable claim: an event is taken once across retries, replicas and restarts ({@link ProcessedEvents}); a
 * duplicate stops here, acknowledged. A card click is not claimed: Feishu never retries a callback, and a click's
 * writes are made once by {@code ActionOnce}. An event that one of the filters right after this step drops (group
 * chatter without a mention, the bot's own messages: most of what a busy group sends) is claimed as finished: one
 * row written once, without its envelope, and nothing to replay.
 */
public final class Deduplicate implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(Deduplicate.class);
  /** Every kind but clicks; built once (the chain asks each step for its kinds on every event). */
  private static final Set<Inbound.Kind> KINDS = Collections.unmodifiableSet(
      EnumSet.complementOf(EnumSet.of(Inbound.Kind.CARD_ACTION)));

  private final ProcessedEvents processed;
  private final InFlight inFlight;
  private final MeterRegistry metrics;
  private final List<Filter> filters;

  /** @param filters the steps that follow this one in the chain and drop events without side effects */
  public Deduplicate(ProcessedEvents processed, InFlight inFlight, MeterRegistry metrics, List<Filter> filters) {
    this.processed = processed;
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.filters = List.copyOf(filters);
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return KINDS;
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    String key = in.event().dedupKey();
    if (dropped(in)) {
      return processed.claimFinished(key).map(first -> {
        if (!first) {
          duplicate(key);
        }
        in.accept();
        return Answer.NONE;
      });
    }
    return processed.claim(key, in.envelope()).compose(first -> {
      if (!first) {
        duplicate(key);
        in.accept();
        return Future.succeededFuture(Answer.NONE);
      }
      // Processing starts after the claim is stored; the row is finished only when it is done, so a crash in
      // between leaves it for the replay.
      return inFlight.admit(in).compose(v -> next.run());
    });
  }

  private boolean dropped(Inbound in) {
    for (Filter f : filters) {
      if (f.kinds().contains(in.kind()) && f.drops(in)) {
        return true;
      }
    }
    return false;
  }

  private void duplicate(String key) {
    metrics.counter("hirebot.events.duplicate").increment();
    log.debug("duplicate event dropped key={}", key);
  }
}
