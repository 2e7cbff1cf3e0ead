package io.hirebot.bot;

import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.BotRemovedFromChat;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UnhandledEvent;
import io.hirebot.bot.middleware.Answer;
import io.hirebot.bot.middleware.Inbound;
import io.hirebot.bot.middleware.MiddlewareChain;
import io.hirebot.command.CommandParser;
import io.hirebot.command.Conversation;
import io.hirebot.command.ParseResult;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's dispatch: an inbound event passes the {@link MiddlewareChain}, is routed to the feature that answers
 * it, and its answer is sent (a reply) or returned (a click, within the {@link CallbackBudget}). Failures become
 * user-facing replies and are logged here, once, with the ids needed to trace them.
 */
public final class BotDispatcher implements InboundHandler {
  private static final Logger log = LoggerFactory.getLogger(BotDispatcher.class);
  /** See {@link CallbackBudget#ANSWER_MS}. */
  public static final long CARD_ANSWER_BUDGET_MS = CallbackBudget.ANSWER_MS;
  /** See {@link Deadline#COMMAND}. */
  public static final Duration COMMAND_DEADLINE = Deadline.COMMAND;
  /**
   * Commands whose work is a batch over many jobs, paced by Feishu's rate limits rather than stuck: they answer when
   * done (Hire calls still time out and the circuit still answers at once while Hire is down).
   */
  private static final Set<String> BATCH_COMMANDS = Set.of("DigestNow");

  private final CommandParser parser;
  private final FeatureRegistry features;
  private final MiddlewareChain chain;
  private final InFlight inFlight;
  private final Deadline deadline;
  private final CallbackBudget budget;
  private final Replies replies;
  private final ErrorReplies errors;
  private final MeterRegistry metrics;
  private final Function<BotAddedToChat, Future<Reply>> welcome;
  private final Conversations conversations;
  private final ChatSettingsReader chats;
  /** Events and clicks being handled, from their arrival here (before the event's claim) to their answer. */
  private final AtomicInteger handling = new AtomicInteger();

  /**
   * @param features the routes and the listener lists (Hire events, cards sent) the features registered
   * @param inFlight the same tracker the chain's de-duplication admits events into
   * @param conversations what each user was last shown in each chat: the context their follow-ups are read in
   * @param cardChats the kind of chat each card is in: a late click notice in a group goes to the clicker alone
   * @param chats each chat's settings, read once per command and click for the gate and the answer alike
   */
  public BotDispatcher(Vertx vertx, CommandParser parser, FeatureRegistry features, MiddlewareChain chain,
      InFlight inFlight, Messenger messenger, ErrorReplies errors, MeterRegistry metrics,
      io.hirebot.i18n.Messages messages, Function<BotAddedToChat, Future<Reply>> welcome,
      Conversations conversations, io.hirebot.bot.middleware.CardChats cardChats,
      ChatSettingsReader chats) {
    this.parser = parser;
    this.chats = chats;
    this.conversations = conversations;
    this.features = features;
    this.chain = chain;
    this.inFlight = inFlight;
    this.deadline = new Deadline(vertx);
    LateAnswers late = new LateAnswers(errors, messages);
    this.budget = new CallbackBudget(vertx, deadline, messenger, errors, messages, late, cardChats);
    this.replies = new Replies(messenger, features.cardSentListeners(), metrics, conversations, late, messages);
    this.errors = errors;
    this.metrics = metrics;
    this.welcome = welcome;
  }

  @Override
  public Future<Void> onEvent(InboundEvent event, String envelope) {
    if (!inFlight.taking()) {
      // Not claimed, so not taken: the webhook answers 503 and Feishu delivers it again (to us after the
      // restart, or to another replica).
      return Future.failedFuture(new InFlight.StoppedTaking());
    }
    Inbound in = inbound(event, envelope);
    handling.incrementAndGet();
    handled(in).onComplete(r -> {
      handling.decrementAndGet();
      if (r.failed()) {
        in.notAccepted(r.cause());
      }
      inFlight.settle(in, r);
    });
    return in.accepted();
  }

  /**
   * Handles an event that needs no claim, as {@link #onEvent} handles a claimed one: the chain, the feature that
   * answers it, and its answer sent (or its failure's reply). Completes when the answer is sent. The fast-layer
   * tests drive features through it, so they see exactly what the bot sends.
   */
  public Future<Void> handle(InboundEvent event) {
    return handled(inbound(event, "")).mapEmpty();
  }

  /** A message is read in its sender's conversation in that chat; a menu click names no chat, so it has none. */
  private Inbound inbound(InboundEvent event, String envelope) {
    return Inbound.event(event, envelope, text -> parser.parse(text, event instanceof IncomingMessage m
        && m.sender() != null ? conversations.of(m.chat().chatId(), m.sender().openId()) : Conversation.NONE),
        chats::read);
  }

  private Future<?> handled(Inbound in) {
    try {
      return chain.run(in, () -> terminal(in)).compose(answer -> replies.send(in, answer));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Stops taking events, waits up to {@code grace} for the events in flight to finish (and their outcome to
   * be stored), then hands the rest back: their claims are released so the next process replays them at once.
   */
  public Future<InFlight.Drained> drain(Duration grace) {
    return inFlight.drain(grace);
  }

  /**
   * Whether a user's event or click is being handled now, from its arrival (before an event's claim) to its answer:
   * background work that can wait (the scope self-check) waits for none.
   */
  public boolean busy() {
    return handling.get() > 0;
  }

  /** How many claimed events are being handled now. */
  public int inFlight() {
    return inFlight.size();
  }

  /** The handler at the end of the chain, by kind. */
  private Future<Answer> terminal(Inbound in) {
    InboundEvent event = in.event();
    if (in.isCommand()) {
      return command(in);
    } else if (event instanceof HireEvent h) {
      return features.hireEventListeners().handle(h)
          .onFailure(e -> log.error("hire event failed key={} cause={}", h.dedupKey(), e.toString(),
              e instanceof FeishuApiException ? null : e))
          .map(Answer.NONE);
    } else if (event instanceof BotAddedToChat added) {
      log.info("bot added to chat chat_id={} by={}", added.chatId(), in.userOpenId() == null ? "" : in.userOpenId());
      return welcome.apply(added).map(Answer::send)
          .onFailure(e -> log.error("welcome failed chat_id={} cause={}", added.chatId(), e.toString()));
    } else if (event instanceof BotRemovedFromChat removed) {
      // Feishu refuses every send there from now on (230002): what the chat followed ends with it.
      log.info("bot removed from chat chat_id={} by={}", removed.chatId(),
          removed.operator() == null || removed.operator().openId() == null ? "" : removed.operator().openId());
      return features.stopChat(removed.chatId()).map(Answer.NONE);
    } else if (event instanceof UnhandledEvent u) {
      log.debug("unhandled event type={} event_id={}", u.eventType(), u.eventId());
    } else if (event instanceof CardAction a) {
      log.warn("card action arrived as an event; ignored event_id={}", a.eventId());
    }
    return Future.succeededFuture(Answer.NONE);
  }

  private Future<Answer> command(Inbound in) {
    IncomingMessage m = in.message();
    ParseResult parsed = in.parsed();
    Language lang = in.language();
    String command = in.commandName();
    metrics.counter("hirebot.commands", "command", command).increment();
    // The settings the gate read (or, past no gate, read now): one read of the chat's row per command.
    Future<Reply> work = chats.settled(m.chat().chatId(), in.chatSettings())
        .compose(chat -> route(parsed, new CommandContext(m, lang, chat)));
    AtomicBoolean expired = new AtomicBoolean();
    return (BATCH_COMMANDS.contains(command) ? work : deadline.within(work, Deadline.COMMAND.toMillis(), expired))
        .<Answer>map(reply -> new Answer.Send(reply, null))
        .recover(e -> Future.succeededFuture(failed(in, e, expired.get() ? work : null)));
  }

  /**
   * A command's failure as its answer: a refusal's reply, or the error reply (the deadline's "still waiting", with the
   * work to finish it). A failure is logged here, once: a bug of ours with its reference and stack, Feishu's failures
   * with their call and log id; the answer keeps that id for the audit.
   */
  private Answer failed(Inbound in, Throwable e, Future<Reply> late) {
    if (e instanceof Refusal r) {
      return new Answer.Send(r.reply(), null, Answer.Outcome.REFUSED);
    }
    IncomingMessage m = in.message();
    String where = "command=" + in.commandName() + " message_id=" + m.messageId() + " chat_id=" + m.chat().chatId()
        + " sender=" + (in.userOpenId() == null ? "" : in.userOpenId());
    String ref = errors.incident(e, where);
    if (ref.isEmpty()) {
      log.error("command failed {} cause={}", where, e.toString());
    }
    Answer.Outcome outcome = late != null ? Answer.Outcome.LATE : Answer.Outcome.failed(ErrorReplies.logId(e, ref));
    return new Answer.Send(errors.reply(e, in.language()), late, outcome);
  }

  private Future<Reply> route(ParseResult parsed, CommandContext context) {
    try {
      return features.commands().route(parsed, context);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<ActionResult> onCardAction(CardAction action) {
    Inbound in = Inbound.click(action, chats::read);
    metrics.counter("hirebot.card.actions", "action", actionTag(action.actionName())).increment();
    Future<ActionResult> result = chain.run(in, () -> routeAction(in))
        .map(a -> a instanceof Answer.Click c ? c.result() : null)
        .onFailure(e -> {
          String where = "action=" + action.actionName() + " message_id=" + action.messageId() + " operator="
              + (in.userOpenId() == null ? "" : in.userOpenId());
          if (errors.incident(e, where).isEmpty()) {
            log.error("card action failed {} cause={}", where, e.toString());
          }
        });
    handling.incrementAndGet();
    result.onComplete(r -> handling.decrementAndGet());
    Future<ActionResult> answer = budget.answer(action, result, in.language());
    // Added after the answer's listener, so a result that takes a Hire call is answered first and then recorded as
    // what the card shows (living cards, the clicker's conversation): nothing in that record is needed to answer.
    result.onSuccess(r -> replies.clicked(action, r));
    return answer;
  }

  /**
   * The metric's tag for a click's action: its name only when a feature handles it. The name is the callback value's,
   * which any caller holding the Encrypt Key can make up; each made-up name was a new series in /metrics.
   */
  private String actionTag(String name) {
    if (name.isEmpty()) {
      return "none";
    }
    return features.actions().handles(name) ? name : "unknown";
  }

  private Future<Answer> routeAction(Inbound in) {
    try {
      CardAction action = in.action();
      return chats.settled(action.chatId(), in.chatSettings())
          .compose(chat -> features.actions().route(action.in(chat), in.language()))
          .map(Answer.Click::new);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
