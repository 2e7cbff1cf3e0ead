package io.hirebot.bot.middleware;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ChatSettings;
import io.hirebot.bot.Reply;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.BotMenuClicked;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

/**
 * One inbound event on its way through the {@link MiddlewareChain}: its kind, who sent it from which chat, the
 * command it says (parsed once, when first asked), its chat's settings (read once, when first asked), and whether it
 * was taken (what the webhook acknowledges).
 */
public final class Inbound {
  /** The inbound kinds a middleware can apply to. */
  public enum Kind { MESSAGE, MENU, CARD_ACTION, BOT_ADDED, HIRE_EVENT, OTHER }

  /** What a person asks for: a command typed or picked from the menu, or a card click. */
  public static final Set<Kind> REQUESTS = Set.of(Kind.MESSAGE, Kind.MENU, Kind.CARD_ACTION);

  private final Kind kind;
  private final InboundEvent event;
  private final String envelope;
  private final IncomingMessage message;
  private final Function<String, ParseResult> parser;
  private final Function<String, Future<ChatSettings>> chats;
  private final Promise<Void> accepted = Promise.promise();
  private final long startedNanos = System.nanoTime();
  private ParseResult parsed;
  private Future<ChatSettings> chatSettings;

  private Inbound(Kind kind, InboundEvent event, String envelope, IncomingMessage message,
      Function<String, ParseResult> parser, Function<String, Future<ChatSettings>> chats) {
    this.kind = kind;
    this.event = event;
    this.envelope = envelope;
    this.message = message;
    this.parser = parser;
    this.chats = chats;
  }

  /**
   * An event delivered to the event webhook (or replayed), with the envelope kept for its replay.
   *
   * @param chats one read of a chat's settings ({@link #chatSettings})
   */
  public static Inbound event(InboundEvent event, String envelope, Function<String, ParseResult> parser,
      Function<String, Future<ChatSettings>> chats) {
    if (event instanceof IncomingMessage m) {
      return new Inbound(Kind.MESSAGE, event, envelope, m, parser, chats);
    } else if (event instanceof BotMenuClicked menu) {
      return new Inbound(Kind.MENU, event, envelope, asPrivateMessage(menu), parser, chats);
    } else if (event instanceof BotAddedToChat) {
      return new Inbound(Kind.BOT_ADDED, event, envelope, null, parser, chats);
    } else if (event instanceof HireEvent) {
      return new Inbound(Kind.HIRE_EVENT, event, envelope, null, parser, chats);
    }
    return new Inbound(Kind.OTHER, event, envelope, null, parser, chats);
  }

  /** A card click: answered within the callback, never retried by Feishu, so nothing to keep for a replay. */
  public static Inbound click(CardAction action, Function<String, Future<ChatSettings>> chats) {
    return new Inbound(Kind.CARD_ACTION, action, null, null, null, chats);
  }

  /**
   * A menu click is the user typing the item's key to the bot privately. The event names no chat (only the
   * user), so the chat id stays unknown: the answer is addressed to the user's open_id, and the chat Feishu
   * puts it in is learnt from the send.
   */
  private static IncomingMessage asPrivateMessage(BotMenuClicked menu) {
    return new IncomingMessage(menu.eventId(), null, new ChatRef(null, ChatRef.ChatType.P2P), menu.operator(),
        "text", menu.eventKey(), false, Instant.now());
  }

  public Kind kind() {
    return kind;
  }

  public InboundEvent event() {
    return event;
  }

  /** The plaintext envelope, or null for a click. */
  public String envelope() {
    return envelope;
  }

  /** Whether it is a command (a message, or a menu click read as one). */
  public boolean isCommand() {
    return message != null;
  }

  /** The command's message; null unless {@link #isCommand()}. */
  public IncomingMessage message() {
    return message;
  }

  /** The click; null unless a card action. */
  public CardAction action() {
    return event instanceof CardAction a ? a : null;
  }

  /** Who sent the message, clicked, or added the bot; null for Hire events. */
  public UserRef user() {
    if (message != null) {
      return message.sender();
    }
    if (event instanceof CardAction a) {
      return a.operator();
    }
    return event instanceof BotAddedToChat added ? added.operator() : null;
  }

  public String userOpenId() {
    UserRef u = user();
    return u == null ? null : u.openId();
  }

  /** The chat it happened in; null when the event names none (a menu click, a Hire event). */
  public String chatId() {
    if (message != null) {
      return message.chat().chatId();
    }
    if (event instanceof CardAction a) {
      return a.chatId();
    }
    return event instanceof BotAddedToChat added ? added.chatId() : null;
  }

  /** The kind of chat, or null when Feishu does not say (a card click names its chat but not its kind). */
  public ChatRef.ChatType chatType() {
    return message != null ? message.chat().type() : event instanceof BotAddedToChat ? ChatRef.ChatType.GROUP : null;
  }

  /** The command the text says; parsed on first use, so events dropped before it are never parsed. */
  public ParseResult parsed() {
    if (parsed == null && message != null) {
      parsed = parser.apply(message.text());
    }
    return parsed;
  }

  /**
   * The settings of its chat ({@link #chatId()}), read on first use and shared by every later one: the hiring-data gate
   * asks whether the chat is enabled, the answer is drawn in the chat's zone, from the same read. Fails when the row
   * cannot be read.
   */
  public Future<ChatSettings> chatSettings() {
    if (chatSettings == null) {
      chatSettings = chats.apply(chatId());
    }
    return chatSettings;
  }

  /** The command's name for metrics and logs ("unknown" for text that is none). */
  public String commandName() {
    return parsed() instanceof ParseResult.Parsed p ? p.command().getClass().getSimpleName() : "unknown";
  }

  /** The language to answer in: the command's, or the clicked card's. */
  public Language language() {
    if (message != null) {
      return parsed().language();
    }
    if (event instanceof CardAction a) {
      return a.language();
    }
    return Language.EN;
  }

  /** When it arrived here (for latency figures). */
  public long startedNanos() {
    return startedNanos;
  }

  /** A gate's refusal, in the form this kind answers: a reply to a command, a toast to a click. */
  public Answer refusal(Toast toast) {
    if (message != null) {
      return Answer.refused(new Reply.Text(toast.text(language())));
    }
    return kind == Kind.CARD_ACTION ? new Answer.Click(ActionResult.of(toast)) : Answer.NONE;
  }

  /** Completes once the event is durably taken (or known as a duplicate): the webhook may then acknowledge. */
  public Future<Void> accepted() {
    return accepted.future();
  }

  public void accept() {
    accepted.tryComplete();
  }

  /** It was not taken (not stored, or the process is stopping): the webhook asks Feishu to deliver it again. */
  public void notAccepted(Throwable cause) {
    accepted.tryFail(cause);
  }
}
