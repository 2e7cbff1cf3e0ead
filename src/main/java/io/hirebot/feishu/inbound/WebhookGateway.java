package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.InboundHandler;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.util.RepeatedWarnings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's one entry point for events and card callbacks alike: verify, decrypt, map, then either
 * acknowledge at once (events; the work happens after the 200) or answer with the toast and card
 * (callbacks). Cheap enough to run on the event loop. Nothing a sender controls yields a 500.
 */
public final class WebhookGateway {
  private static final Logger log = LoggerFactory.getLogger(WebhookGateway.class);
  static final String SUCCESS = "{\"msg\":\"success\"}";

  private final EnvelopeVerifier verifier;
  private final InboundMapper mapper;
  private final InboundHandler bot;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final CallbackBodies bodies = new CallbackBodies();
  /** Whoever sends pushes decides how many are refused: their warnings are gated, their counters are not. */
  private final RepeatedWarnings warnings = new RepeatedWarnings();
  /** Received counters by event class: the registry's lookup (tags, id, map) was ~1% of an event loop's intake time. */
  private final Map<Class<?>, Counter> received = new ConcurrentHashMap<>();
  private volatile boolean taking = true;

  public WebhookGateway(EnvelopeVerifier verifier, InboundMapper mapper, InboundHandler bot, ObjectMapper json,
      MeterRegistry metrics) {
    this.verifier = verifier;
    this.mapper = mapper;
    this.bot = bot;
    this.json = json;
    this.metrics = metrics;
  }

  /** The gate of the warnings senders cause, shared with the HTTP routes in front of this gateway. */
  public RepeatedWarnings warnings() {
    return warnings;
  }

  /**
   * From now on every request is answered 503 (the process is stopping): Feishu re-pushes events later, to
   * another replica or to this one after its restart; nothing is taken that could be cut off half-way.
   */
  public void stopTaking() {
    taking = false;
  }

  /**
   * @param lowerCaseHeaders request headers with lower-cased names
   * @return the answer; failed only on a bug of ours (counted as {@code hirebot.events.rejected{status="bug"}}), never
   *     thrown: thrown out of the request's end handler, it left the request without any answer until Feishu gave up
   */
  public Future<WebhookResponse> handle(Map<String, String> lowerCaseHeaders, byte[] body) {
    Future<WebhookResponse> answer;
    try {
      answer = verifyAndDispatch(lowerCaseHeaders, body);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.onFailure(e -> metrics.counter("hirebot.events.rejected", "status", "bug").increment());
  }

  private Future<WebhookResponse> verifyAndDispatch(Map<String, String> lowerCaseHeaders, byte[] body) {
    if (!taking) {
      metrics.counter("hirebot.events.rejected", "status", "503").increment();
      return Future.succeededFuture(WebhookResponse.error(503, "shutting down, try again"));
    }
    Verification v = verifier.verify(lowerCaseHeaders, body);
    if (v instanceof Verification.Rejected r) {
      metrics.counter("hirebot.events.rejected", "status", String.valueOf(r.status())).increment();
      // By reason as well: a wrong encrypt key or token (the operator's to fix) is not hidden behind forgeries.
      warnings.warn(log, "rejected " + r.status() + " " + r.reason(), "webhook rejected status={} reason={} bytes={}",
          r.status(), r.reason(), body.length);
      return Future.succeededFuture(WebhookResponse.error(r.status(), r.reason()));
    }
    if (v instanceof Verification.Challenge c) {
      ObjectNode reply = json.createObjectNode().put("challenge", c.challenge());
      return Future.succeededFuture(WebhookResponse.ok(reply.toString()));
    }
    return dispatch((Verification.Accepted) v);
  }

  private Future<WebhookResponse> dispatch(Verification.Accepted accepted) {
    InboundEvent event;
    try {
      event = mapper.map(accepted.plain());
    } catch (MalformedEventException e) {
      metrics.counter("hirebot.events.rejected", "status", "400").increment();
      warnings.warn(log, "malformed", "webhook malformed event reason={}", e.getMessage());
      return Future.succeededFuture(WebhookResponse.error(400, "malformed event"));
    }
    received.computeIfAbsent(event.getClass(),
        kind -> metrics.counter("hirebot.events.received", "kind", kind.getSimpleName())).increment();
    if (event instanceof CardAction action) {
      return bot.onCardAction(action).map(result -> callbackBody(result, action))
          .recover(e -> {
            log.error("card callback failed message_id={} cause={}", action.messageId(), e.toString());
            return Future.succeededFuture(WebhookResponse.ok("{}"));
          });
    }
    return bot.onEvent(event, accepted.text())
        .map(v -> WebhookResponse.ok(SUCCESS))
        .recover(e -> {
          // Not stored means not taken: a non-200 makes Feishu deliver it again later.
          log.error("event not stored, asking Feishu to retry key={} cause={}", event.dedupKey(), e.toString());
          return Future.succeededFuture(WebhookResponse.error(503, "try again"));
        });
  }

  /**
   * Replays events that were acknowledged but never finished (the process handling them died): each is
   * mapped again and re-claimed, which succeeds only for claims that went stale, so replicas replay once.
   */
  public Future<Integer> replayUnfinished(ProcessedEvents processed) {
    // Events that used up their attempts without ever finishing are parked, not replayed again.
    return processed.parkAbandoned().onSuccess(n -> {
      if (n > 0) {
        log.error("events parked: never finished in their attempts count={}", n);
      }
    }).compose(parked -> processed.unfinished()).compose(list -> {
      List<Future<Void>> replays = new ArrayList<>();
      for (ProcessedEvents.Unfinished u : list) {
        try {
          InboundEvent event = mapper.map(json.readTree(u.envelope()));
          log.info("replaying unfinished event key={}", u.key());
          replays.add(bot.onEvent(event, u.envelope()));
        } catch (JsonProcessingException | MalformedEventException e) {
          log.warn("unfinished event not replayable key={} cause={}", u.key(), e.toString());
          replays.add(processed.done(u.key()));
        }
      }
      return Future.join(replays).map(all -> list.size());
    });
  }

  private WebhookResponse callbackBody(ActionResult result, CardAction action) {
    try {
      return WebhookResponse.ok(json.writeValueAsString(bodies.of(result, action.language())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("callback body not serializable", e);
    }
  }

}
