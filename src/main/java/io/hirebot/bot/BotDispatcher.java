package io.hirebot.bot;

import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.BotMenuClicked;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UnhandledEvent;
import io.hirebot.bot.middleware.ActionGate;
import io.hirebot.bot.middleware.CommandGate;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.command.CommandParser;
import io.hirebot.i18n.Language;
import io.hirebot.command.ParseResult;
import io.hirebot.error.FeishuApiException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's core: drops duplicates and messages not meant for the bot, parses commands, routes them,
 * replies, and answers card clicks within Feishu's 3 s. Failures are turned into user-facing replies
 * and logged here, once, with the ids needed to trace them.
 */
public final class BotDispatcher implements InboundHandler {
  private static final Logger log = LoggerFactory.getLogger(BotDispatcher.class);
  /**
   * Feishu waits 3 s for a callback answer, counted on its side: keep a margin for the network both ways and for a
   * busy machine (at 2.5 s, answers measured 2.9–3.05 s on a loaded 2-core host, and Feishu then drops the token).
   */
  public static final long CARD_ANSWER_BUDGET_MS = 2_000;
  /**
   * Every user is answered within 5 s whatever Feishu Hire does (issue 12): by then a command replies, and a slow
   * click's card is updated, with what failed; the rest of the 5 s is for sending the answer.
   */
  public static final Duration COMMAND_DEADLINE = Duration.ofMillis(4_000);
  /**
   * Commands whose work is a batch over many jobs, paced by Feishu's rate limits rather than stuck: they answer when
   * done (Hire calls still time out and the circuit still answers at once while Hire is down).
   */
  private static final java.util.Set<String> BATCH_COMMANDS = java.util.Set.of("DigestNow");

  private final Vertx vertx;
  private final CommandParser parser;
  private final CommandRouter commands;
  private final ActionRouter actions;
  private final Messenger messenger;
  private final ProcessedEvents processed;
  private final ErrorReplies errors;
  private final Supplier<String> botOpenId;
  private final MeterRegistry metrics;
  private final io.hirebot.i18n.Messages messages;
  private HireEventHandler hireEvents = event -> Future.succeededFuture();
  private CardSentListener cardsSent = card -> { };
  private final List<CommandGate> gates;
  private List<ActionGate> actionGates = List.of();
  private final Function<BotAddedToChat, Future<Reply>> welcome;
  private final Map<String, Running> inFlight = new ConcurrentHashMap<>();
  private volatile boolean taking = true;

  public BotDispatcher(Vertx vertx, CommandParser parser, CommandRouter commands, ActionRouter actions,
      Messenger messenger, ProcessedEvents processed, ErrorReplies errors, Supplier<String> botOpenId,
      MeterRegistry metrics, io.hirebot.i18n.Messages messages, List<CommandGate> gates,
      Function<BotAddedToChat, Future<Reply>> welcome) {
    this.vertx = vertx;
    this.parser = parser;
    this.commands = commands;
    this.actions = actions;
    this.messenger = messenger;
    this.processed = processed;
    this.errors = errors;
    this.botOpenId = botOpenId;
    this.metrics = metrics;
    this.messages = messages;
    this.gates = List.copyOf(gates);
    this.welcome = welcome;
  }

  /** Tells {@code listener} about every card replied or replaced (living cards keep them current). */
  public BotDispatcher onCardSent(CardSentListener listener) {
    this.cardsSent = listener;
    return this;
  }

  /** Checks every card click with {@code gates} (in order) before its handler runs. */
  public BotDispatcher gateActions(List<ActionGate> gates) {
    this.actionGates = List.copyOf(gates);
    return this;
  }

  /** Sends hire events (stage changes, offers, deletions) to {@code handler}; without one they are ignored. */
  public BotDispatcher onHireEvents(HireEventHandler handler) {
    this.hireEvents = handler;
    return this;
  }

  @Override
  public Future<Void> onEvent(InboundEvent event, String envelope) {
    if (!taking) {
      // Not claimed, so not taken: the webhook answers 503 and Feishu delivers it again (to us after the
      // restart, or to another replica).
      return Future.failedFuture(new StoppedTaking());
    }
    return processed.claim(event.dedupKey(), envelope).map(first -> {
      if (!first) {
        metrics.counter("hirebot.events.duplicate").increment();
        log.debug("duplicate event dropped key={}", event.dedupKey());
        return null;
      }
      if (!taking) {
        // Claimed just as the shutdown began: hand it straight back rather than start it.
        processed.release(event.dedupKey());
        throw new StoppedTaking();
      }
      // Processing starts after the claim is stored; the row is finished only when it is done, so a crash
      // in between leaves it for the replay.
      run(event);
      return null;
    });
  }

  /** Thrown into {@link #onEvent} once {@link #drain} began: the event was not taken. */
  public static final class StoppedTaking extends IllegalStateException {
    StoppedTaking() {
      super("shutting down: not taking events");
    }
  }

  /** One claimed event being handled; {@code handedBack} once a shutdown released its claim instead. */
  private static final class Running {
    final Promise<Void> settled = Promise.promise();
    Future<?> work;
    boolean handedBack;
  }

  private void run(InboundEvent event) {
    String key = event.dedupKey();
    Running running = new Running();
    inFlight.put(key, running);
    Future<?> work;
    try {
      work = handle(event);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    running.work = work;
    work.onComplete(r -> {
      synchronized (running) {
        if (running.handedBack) {
          return; // its claim is back in the store: the next process replays it
        }
      }
      Future<?> recorded = r.succeeded() ? processed.done(key) : recordFailure(event, r.cause());
      recorded.onFailure(e -> log.error("recording the event's outcome failed key={} cause={}", key, e.toString()))
          .onComplete(x -> {
            inFlight.remove(key, running);
            running.settled.tryComplete();
          });
    });
  }

  private Future<ProcessedEvents.Failure> recordFailure(InboundEvent event, Throwable cause) {
    String error = cause.toString();
    return processed.failed(event.dedupKey(), error).onSuccess(f -> {
      if (f.parked()) {
        metrics.counter("hirebot.events.parked").increment();
        log.error("event parked after failed attempts key={} kind={} attempts={} cause={}", event.dedupKey(),
            event.getClass().getSimpleName(), f.attempts(), error);
      } else if (f.retryAt() != null) {
        metrics.counter("hirebot.events.failed").increment();
        log.warn("event failed, will retry key={} kind={} attempt={} retry_at={} cause={}", event.dedupKey(),
            event.getClass().getSimpleName(), f.attempts(), f.retryAt(), error);
      }
    });
  }

  /** How a shutdown left the events that were in flight. */
  public record Drained(int finished, int handedBack) {}

  /**
   * Stops taking events, waits up to {@code grace} for the events in flight to finish (and their outcome to
   * be stored), then hands the rest back: their claims are released so the next process replays them at once.
   */
  public Future<Drained> drain(Duration grace) {
    taking = false;
    List<Running> all = List.copyOf(inFlight.values());
    Promise<Void> waited = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, grace.toMillis()), t -> waited.tryComplete());
    Future.join(all.stream().map(r -> r.settled.future()).toList()).onComplete(r -> {
      vertx.cancelTimer(timer);
      waited.tryComplete();
    });
    return waited.future().compose(v -> {
      List<Future<Void>> releases = new ArrayList<>();
      inFlight.forEach((key, running) -> {
        synchronized (running) {
          if (running.work != null && running.work.isComplete()) {
            return; // only its bookkeeping is left; it finishes on its own
          }
          running.handedBack = true;
        }
        releases.add(processed.release(key).onComplete(x -> {
          inFlight.remove(key, running);
          running.settled.tryComplete();
        }));
      });
      return Future.join(releases).transform(x -> {
        List<Future<Void>> rest = inFlight.values().stream().map(r -> r.settled.future()).toList();
        // Bookkeeping of events that just finished: brief, but it must land before the database closes.
        return Future.join(rest).transform(y -> Future.succeededFuture(
            new Drained(all.size() - releases.size(), releases.size())));
      });
    });
  }

  /** How many claimed events are being handled now. */
  public int inFlight() {
    return inFlight.size();
  }

  private Future<?> handle(InboundEvent event) {
    if (event instanceof IncomingMessage m) {
      return onMessage(m);
    } else if (event instanceof HireEvent h) {
      return hireEvents.handle(h).onFailure(e -> log.error("hire event failed key={} cause={}", h.dedupKey(),
          e.toString(), e instanceof io.hirebot.error.FeishuApiException ? null : e));
    } else if (event instanceof BotAddedToChat added) {
      log.info("bot added to chat chat_id={} by={}", added.chatId(),
          added.operator() == null ? "" : added.operator().openId());
      return welcome.apply(added)
          .compose(r -> messenger.send(added.chatId(), r, "welcome-" + added.eventId()))
          .onFailure(e -> log.error("welcome failed chat_id={} cause={}", added.chatId(), e.toString()));
    } else if (event instanceof BotMenuClicked menu) {
      return onMessage(asPrivateMessage(menu));
    } else if (event instanceof UnhandledEvent u) {
      log.debug("unhandled event type={} event_id={}", u.eventType(), u.eventId());
    } else if (event instanceof CardAction a) {
      log.warn("card action arrived as an event; ignored event_id={}", a.eventId());
    }
    return Future.succeededFuture();
  }

  private Future<?> onMessage(IncomingMessage m) {
    if (m.sender() != null && m.sender().openId() != null && m.sender().openId().equals(botOpenId.get())) {
      return Future.succeededFuture();
    }
    if (m.chat().isGroup() && !m.mentionsBot()) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    ParseResult parsed = parser.parse(m.text());
    Language lang = parsed.language();
    String command = parsed instanceof ParseResult.Parsed p ? p.command().getClass().getSimpleName() : "unknown";
    metrics.counter("hirebot.commands", "command", command).increment();
    CommandContext context = new CommandContext(m, lang);
    Future<Reply> work = passGates(parsed, context, 0)
        .compose(refusal -> refusal.isPresent() ? Future.succeededFuture(refusal.get()) : route(parsed, context));
    AtomicBoolean expired = new AtomicBoolean();
    return (BATCH_COMMANDS.contains(command) ? work : withinDeadline(work, expired))
        .recover(e -> {
          log.error("command failed command={} message_id={} chat_id={} sender={} cause={}",
              command, m.messageId(), m.chat().chatId(), m.sender() == null ? "" : m.sender().openId(),
              e.toString(), e instanceof io.hirebot.error.FeishuApiException ? null : e);
          return Future.succeededFuture(errors.reply(e, lang));
        })
        .compose(r -> (m.messageId() == null
            // A menu click has no message to reply to: answer in the user's private chat.
            ? messenger.sendToUser(m.sender().openId(), r, "menu-" + m.eventId())
            : messenger.reply(m.chat().chatId(), m.messageId(), r, "reply-" + m.messageId()))
            .onSuccess(id -> {
              if (r instanceof Reply.Card c) {
                replied(m, id, c);
              }
              if (expired.get() && r instanceof Reply.Card) {
                completeLate(m, id, work);
              }
            }))
        .onSuccess(id -> Timer.builder("hirebot.command.latency").tag("command", command)
            .register(metrics).record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
        .onFailure(e -> log.error("reply failed command={} message_id={} chat_id={} cause={}",
            command, m.messageId(), m.chat().chatId(), e.toString()));
  }

  /** Tells the listener a card now answers the message. */
  private void replied(IncomingMessage m, String replyId, Reply.Card c) {
    // A menu click's answer goes to the user's private chat, whatever the menu event said.
    boolean privately = m.messageId() == null;
    cardsSent.sent(new CardSentListener.SentCard(m.chat().chatId(), replyId, c.card(), c.view(),
        privately ? ChatRef.ChatType.P2P : m.chat().type(), m.sender() == null ? null : m.sender().openId()));
  }

  /** What a command read after its deadline replaces the "did not answer" card it got meanwhile. */
  private void completeLate(IncomingMessage m, String replyId, Future<Reply> work) {
    work.onSuccess(late -> {
      if (late instanceof Reply.Card c) {
        messenger.updateCard(replyId, c.card())
            .onSuccess(v -> replied(m, replyId, c))
            .onFailure(e -> log.error("late answer failed message_id={} reply_id={} cause={}", m.messageId(), replyId,
                e.toString()));
      }
    });
  }

  /**
   * The work's outcome, or at {@link #COMMAND_DEADLINE} a failure saying Hire did not answer in time ({@code expired}
   * is then set); the work itself goes on.
   */
  private <T> Future<T> withinDeadline(Future<T> work, AtomicBoolean expired) {
    return withinDeadline(work, COMMAND_DEADLINE.toMillis(), expired);
  }

  private <T> Future<T> withinDeadline(Future<T> work, long millis, AtomicBoolean expired) {
    Promise<T> bounded = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, millis), t -> {
      if (!bounded.future().isComplete()) {
        // Set first: the failure's listeners run at once and ask whether the deadline passed.
        expired.set(true);
        bounded.fail(new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "", 0, -1,
            "no answer within the command deadline", "", COMMAND_DEADLINE));
      }
    });
    work.onComplete(r -> {
      vertx.cancelTimer(timer);
      if (r.succeeded()) {
        bounded.tryComplete(r.result());
      } else {
        bounded.tryFail(r.cause());
      }
    });
    return bounded.future();
  }

  /** A menu click is the user typing the item's key to the bot privately (no message id to reply to). */
  private IncomingMessage asPrivateMessage(BotMenuClicked menu) {
    String user = menu.operator() == null ? null : menu.operator().openId();
    return new IncomingMessage(menu.eventId(), null, new ChatRef("p2p:" + user, ChatRef.ChatType.P2P),
        menu.operator(), "text", menu.eventKey(), false, java.time.Instant.now());
  }

  /** The first gate that refuses decides; otherwise the command runs. */
  private Future<Optional<Reply>> passGates(ParseResult parsed, CommandContext context, int i) {
    if (i >= gates.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    return gates.get(i).check(parsed, context)
        .compose(r -> r.isPresent() ? Future.succeededFuture(r) : passGates(parsed, context, i + 1));
  }

  private Future<Reply> route(ParseResult parsed, CommandContext context) {
    try {
      return commands.route(parsed, context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<ActionResult> onCardAction(CardAction action) {
    Language lang = "zh_cn".equals(action.value() == null ? "" : action.value().path("lang").asText())
        ? Language.ZH : Language.EN;
    metrics.counter("hirebot.card.actions", "action", action.actionName().isEmpty() ? "none" : action.actionName())
        .increment();
    Future<ActionResult> work = passActionGates(action, lang, 0)
        .compose(refusal -> refusal.isPresent() ? Future.succeededFuture(refusal.get()) : routeAction(action, lang));
    Future<ActionResult> result = work.onSuccess(r -> {
      if (r != null && r.card() != null && action.messageId() != null) {
        cardsSent.sent(new CardSentListener.SentCard(action.chatId(), action.messageId(), r.card(), r.view(), null,
            action.operator() == null ? null : action.operator().openId()));
      }
    }).onFailure(e -> log.error("card action failed action={} message_id={} operator={} cause={}",
        action.actionName(), action.messageId(), action.operator() == null ? "" : action.operator().openId(),
        e.toString(), e instanceof FeishuApiException ? null : e));
    return withinBudget(action, result, lang);
  }

  private Future<ActionResult> routeAction(CardAction action, Language lang) {
    try {
      return actions.route(action, lang);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The first gate that refuses decides; otherwise the click is handled. */
  private Future<Optional<ActionResult>> passActionGates(CardAction action, Language lang, int i) {
    if (i >= actionGates.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    return actionGates.get(i).check(action, lang)
        .compose(r -> r.isPresent() ? Future.succeededFuture(r) : passActionGates(action, lang, i + 1));
  }

  /**
   * Answers in time; if the work is slower, says so now and always completes the card with the callback token:
   * with the result, or with what failed (and its log id), or at the deadline with "Hire did not answer" (then a
   * result that arrives later takes the token's second use).
   */
  private Future<ActionResult> withinBudget(CardAction action, Future<ActionResult> result, Language lang) {
    long started = System.nanoTime();
    Promise<ActionResult> answer = Promise.promise();
    long timer = vertx.setTimer(CARD_ANSWER_BUDGET_MS, t -> {
      if (answer.tryComplete(ActionResult.info(messages.get(lang, "toast.inProgress")))) {
        AtomicBoolean expired = new AtomicBoolean();
        long left = COMMAND_DEADLINE.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        withinDeadline(result, left, expired).onComplete(r -> {
          delayedUpdate(action, r.succeeded() ? lateCard(r.result(), lang) : errors.card(r.cause(), lang));
          if (expired.get()) {
            result.onSuccess(late -> delayedUpdate(action, late.card()));
          }
        });
      }
    });
    result.onComplete(r -> {
      vertx.cancelTimer(timer);
      answer.tryComplete(r.succeeded() ? r.result() : errors.toast(r.cause(), lang));
    });
    return answer.future();
  }

  /** The card a late click result shows: its own, or its error toast as an error card; null for neither. */
  private ObjectNode lateCard(ActionResult late, Language lang) {
    if (late == null) {
      return null;
    }
    if (late.card() != null) {
      return late.card();
    }
    return late.toastType() == ActionResult.ToastType.ERROR ? errors.card(late.toast(), lang) : null;
  }

  private void delayedUpdate(CardAction action, ObjectNode card) {
    if (card == null || action.token() == null) {
      return;
    }
    messenger.delayedUpdate(action.token(), card)
        .onFailure(e -> log.error("delayed card update failed message_id={} cause={}", action.messageId(),
            e.toString()));
  }
}
