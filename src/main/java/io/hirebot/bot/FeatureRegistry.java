package io.hirebot.bot;

import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the features registered: the command and action routes, the routines, and the listener lists. A second
 * registration of one command or action id is a wiring mistake and fails at start-up instead of silently replacing
 * the first; each listener's failure is its own and never stops the others (JDA's listener lists).
 */
public final class FeatureRegistry {
  private static final Logger log = LoggerFactory.getLogger(FeatureRegistry.class);

  private final CommandRouter commands;
  private final ActionRouter actions;
  private final Set<Class<?>> commandTypes = new HashSet<>();
  private final Set<String> actionIds = new HashSet<>();
  private final List<Routine> routines = new ArrayList<>();
  private final List<HireEventHandler> hireListeners = new ArrayList<>();
  private final List<CardSentListener> cardListeners = new ArrayList<>();
  private final List<Function<String, Future<?>>> chatStoppedListeners = new ArrayList<>();
  private final Map<String, ViewRenderer> viewRenderers = new HashMap<>();
  private final ViewReplay views;
  private CommandRouter.Fallback unknownText;
  private Function<BotAddedToChat, Future<Reply>> welcome;

  /**
   * The registry with routers of its own; text no feature understands goes to {@link #unknownText}.
   *
   * @param chats each chat's settings (the zone its dates are in), for the living cards {@link #views} draws again
   */
  public FeatureRegistry(Messages messages, ChatSettingsReader chats) {
    this.commands = new CommandRouter(this::unknown);
    this.actions = new ActionRouter(messages);
    this.views = new ViewReplay(actions, viewRenderers, chats);
  }

  public FeatureRegistry(CommandRouter commands, ActionRouter actions, ChatSettingsReader chats) {
    this.commands = commands;
    this.actions = actions;
    this.views = new ViewReplay(actions, viewRenderers, chats);
  }

  /** Registers every feature, in order. */
  public FeatureRegistry registerAll(List<? extends Feature> features) {
    features.forEach(f -> f.register(this));
    return this;
  }

  public <C extends Command> FeatureRegistry command(Class<C> type, CommandHandler<C> handler) {
    if (!commandTypes.add(type)) {
      throw new IllegalStateException("two features answer the command " + type.getSimpleName());
    }
    commands.on(type, handler);
    return this;
  }

  /** @param id the callback value's {@code action}: a constant owned by the feature that answers it */
  public FeatureRegistry action(String id, ActionHandler handler) {
    if (!actionIds.add(id)) {
      throw new IllegalStateException("two features answer the card action " + id);
    }
    actions.on(id, handler);
    return this;
  }

  public FeatureRegistry routine(Routine routine) {
    routines.add(routine);
    return this;
  }

  /** Told of every Hire event (stage changes, offers, deletions). */
  public FeatureRegistry hireEvents(HireEventHandler listener) {
    hireListeners.add(listener);
    return this;
  }

  /** Told of every card the bot put in a chat. */
  public FeatureRegistry cardsSent(CardSentListener listener) {
    cardListeners.add(listener);
    return this;
  }

  /** Told when a group is disabled: what the feature keeps for that chat must end with it. */
  public FeatureRegistry chatStopped(Function<String, Future<?>> listener) {
    chatStoppedListeners.add(listener);
    return this;
  }

  /** Answers text that is not a command (with the router built by {@link #FeatureRegistry(Messages)}). */
  public FeatureRegistry unknownText(CommandRouter.Fallback fallback) {
    if (unknownText != null) {
      throw new IllegalStateException("two features answer text that is not a command");
    }
    unknownText = fallback;
    return this;
  }

  /** Answers the bot being added to a group (the welcome card); one feature says it. */
  public FeatureRegistry botAdded(Function<BotAddedToChat, Future<Reply>> answer) {
    if (welcome != null) {
      throw new IllegalStateException("two features answer the bot being added to a chat");
    }
    welcome = answer;
    return this;
  }

  /**
   * Re-renders the views whose {@code action} is {@code id} when a living card is refreshed, instead of routing the
   * view as a click (for a view only the bot may produce, such as a profile with contact data).
   */
  public FeatureRegistry view(String id, ViewRenderer renderer) {
    if (viewRenderers.putIfAbsent(id, renderer) != null) {
      throw new IllegalStateException("two features re-render the view " + id);
    }
    return this;
  }

  /** Renders any card's view again; usable before the features are registered (it looks them up per call). */
  public ViewRenderer views() {
    return views;
  }

  /** The welcome for a group the bot was added to. */
  public Future<Reply> welcome(BotAddedToChat added) {
    return welcome == null
        ? Future.failedFuture(new IllegalStateException("no feature answers the bot being added to a chat"))
        : welcome.apply(added);
  }

  public CommandRouter commands() {
    return commands;
  }

  public ActionRouter actions() {
    return actions;
  }

  public List<Routine> routines() {
    return List.copyOf(routines);
  }

  /** Every Hire-event listener; completes when all have finished, failed if any failed (for the retry). */
  public HireEventHandler hireEventListeners() {
    List<HireEventHandler> all = List.copyOf(hireListeners);
    return event -> Future.join(all.stream().map(l -> isolated(l, event)).toList()).mapEmpty();
  }

  public CardSentListener cardSentListeners() {
    List<CardSentListener> all = List.copyOf(cardListeners);
    return card -> all.forEach(l -> {
      try {
        l.sent(card);
      } catch (RuntimeException e) {
        log.error("card-sent listener failed listener={} message_id={} cause={}", l.getClass().getName(),
            card.messageId(), e.toString(), e);
      }
    });
  }

  /** Ends everything the features keep for {@code chatId}; every listener runs even if one fails. */
  public Future<Void> stopChat(String chatId) {
    return Future.join(chatStoppedListeners.stream().map(l -> {
      try {
        return l.apply(chatId).<Void>mapEmpty();
      } catch (RuntimeException e) {
        return Future.<Void>failedFuture(e);
      }
    }).toList()).mapEmpty();
  }

  private Future<Reply> unknown(ParseResult.Unknown text, CommandContext context) {
    if (unknownText == null) {
      return Future.failedFuture(new IllegalStateException("no feature answers text that is not a command"));
    }
    return unknownText.handle(text, context);
  }

  private static Future<Void> isolated(HireEventHandler listener, HireEvent event) {
    try {
      return listener.handle(event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
