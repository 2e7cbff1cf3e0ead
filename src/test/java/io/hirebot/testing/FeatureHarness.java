package io.hirebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.TeamIndex;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.SharedTurns;
import io.hirebot.bot.Toast;
import io.hirebot.bot.BotDispatcher;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.ChatSettings;
import io.hirebot.bot.ChatSettingsReader;
import io.hirebot.bot.InFlight;
import io.hirebot.bot.middleware.Audit;
import io.hirebot.bot.middleware.MiddlewareChain;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.middleware.InMemoryActionOnce;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.cards.CardLimits;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.bot.Conversations;
import io.hirebot.bot.Reply;
import io.hirebot.command.CommandParser;
import io.hirebot.command.Lexicon;
import io.hirebot.config.ConfigLoader;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a command or a click through features' handlers on a Vert.x event loop in milliseconds: no HTTP, no sandbox,
 * no database. Hire is a {@link FakeHireDirectory} seeded with {@link SmallTenant} (behind the app's own
 * {@link CachingHireDirectory} and {@link HireMeter}), chats are a {@link RecordingMessenger}, and the clock is a
 * {@link MutableClock}. Messages and clicks go through the app's own {@link BotDispatcher} (parse in the sender's
 * conversation, route, the command deadline and the click's callback budget, a failure's user-facing reply or toast,
 * the reply sent, the conversation remembered) with a chain of no gates, which the end-to-end journeys cover.
 *
 * <p>Features are built in one place, {@link TestFeatures}, from the same public classes the app wires; a test picks
 * the ones it needs with {@link #with}. It is also the JUnit 5 extension that closes it; on an instance field it is
 * one fresh harness per test (starting one takes milliseconds once the JVM is warm):
 * <pre>
 * {@literal @}RegisterExtension
 * final FeatureHarness h = FeatureHarness.start().with(TestFeatures::jobs, TestFeatures::candidates);
 * </pre>
 */
public final class FeatureHarness extends SelfClosingFixture {
  public static final ZoneId ZONE = SmallTenant.ZONE;
  public static final String TEAM_CHAT = "oc_team";
  public static final String ALICE = "ou_user_alice";
  public static final String ADMIN = "ou_admin_zhou";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** The app's default window for follow-ups ({@code HIREBOT_CONTEXT_MINUTES}). */
  public static final Duration CONTEXT_WINDOW = Duration.ofMinutes(ConfigLoader.DEFAULT_CONTEXT_MINUTES);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The dispatcher's counters; nothing reads them here. */
  private static final io.micrometer.core.instrument.MeterRegistry METERS =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  /** Loaded once per JVM: both are immutable and loading them is most of a harness's start-up. */
  private static final Supplier<Messages> MESSAGES = memo(Messages::load);
  private static final Supplier<CardTemplates> TEMPLATES = memo(() -> CardTemplates.load(JSON, Optional.empty()));

  public final Vertx vertx;
  public final MutableClock clock = MutableClock.atNow();
  public final FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), clock);
  public final RecordingMessenger messenger = new RecordingMessenger();
  public final RecordingAuditLog audit = new RecordingAuditLog();
  // The shared services features are built from, as app/Wiring builds them, around the fakes above.
  public final CachingHireDirectory cachedHire = new CachingHireDirectory(hire);
  public final HireMeter meter = new HireMeter(cachedHire);
  public final Messages messages = MESSAGES.get();
  public final Cards cards = new Cards(TEMPLATES.get(), JSON);
  public final DateTexts dates = new DateTexts(ZONE, clock);
  public final ErrorReplies errors = new ErrorReplies(cards, messages);
  public final JobChoiceCard jobChoices = new JobChoiceCard(cards, messages);
  /** {@link SmallTenant}'s hiring teams decide who may act; {@link #ADMIN} is the configured admin. */
  public final AccessPolicy access = new AccessPolicy(Set.of(ADMIN), cachedHire, new TeamIndex(cachedHire), clock);
  public final ActionOnce actionOnce = new InMemoryActionOnce();
  /** The application's turn among replicas: free at once, as for a bot alone, unless {@link #withTurns}. */
  private SharedTurns turns = SharedTurns.ALONE;
  /** Where the bot's cards are: every card this harness showed is in a chat it knows the kind of. */
  public final SentCards sentCards = new KnownChats();
  /** The zones chats set themselves ("timezone …"); every other chat reads its dates in {@link #ZONE}. */
  private final Map<String, ZoneId> chatZones = new ConcurrentHashMap<>();
  /**
   * Each chat's settings, as the app reads them: its zone, and enabled, as the harness's groups all are (it runs no
   * hiring-data gate).
   */
  public final ChatSettingsReader chats = new ChatSettingsReader(
      chatId -> Future.succeededFuture(new ChatSettings(chatId, true, chatZones.getOrDefault(chatId, ZONE))), ZONE);
  /** Which chats follow which jobs ("chat/job"), as the subscriptions feature keeps them in the app. */
  private final Set<String> follows = ConcurrentHashMap.newKeySet();
  /** Whether a chat follows a job, from {@link #follow}. */
  public final ChatFollows chatFollows = (chatId, jobId) -> Future.succeededFuture(follows.contains(chatId + "/" + jobId));
  /** The harness sends no notifications: a rejection or its Undo is announced nowhere. */
  public final io.hirebot.bot.MovesFromChats moves = new io.hirebot.bot.MovesFromChats() {
    @Override
    public Future<Void> rejected(io.hirebot.hire.Application a, io.hirebot.hire.TerminationReason reason, String by,
        Set<String> chats) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> restored(io.hirebot.hire.Application a, String by, Set<String> chats) {
      return Future.succeededFuture();
    }
  };
  /** The changes made through the bot and who made them, which profiles show. */
  public final RecordingOwnChanges ownChanges = new RecordingOwnChanges();
  private final Context context;
  /** What each user was last shown in each chat: follow-ups are read in it, as the dispatcher reads them. */
  public final Conversations conversations = new Conversations(CONTEXT_WINDOW, clock);
  private volatile Lexicon lexicon;
  private final CommandParser parser = new CommandParser(() -> lexicon);
  private final FeatureRegistry registry;
  private final Map<String, ChatRef.ChatType> chatTypes = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** Built at the first message or click, once the features are registered (the dispatcher reads its listeners). */
  private volatile BotDispatcher dispatcher;

  private FeatureHarness() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    registry = new FeatureRegistry(messages, chats);
    // Every card the bot puts in a chat is one the harness knows the chat of, as the app's SentCards does.
    registry.cardsSent(sentCards::sent);
  }

  public static FeatureHarness start() {
    return new FeatureHarness();
  }

  /** The features registered after this take their writes' turns among replicas from {@code shared}. */
  public FeatureHarness withTurns(SharedTurns shared) {
    this.turns = shared;
    return this;
  }

  /** Where writes on an application take their turn among replicas. */
  public SharedTurns turns() {
    return turns;
  }

  /** Registers features built from this harness's services (see {@link TestFeatures}), as the app's list does. */
  @SafeVarargs
  public final FeatureHarness with(Function<FeatureHarness, Feature>... features) {
    registry.registerAll(Arrays.stream(features).map(f -> f.apply(this)).toList());
    dispatcher = null;
    return this;
  }

  /**
   * Reads messages against the tenant's jobs and stages as the app's parser does once the lexicon is loaded (job
   * titles in either language, "那前端呢"); without it only the fixed grammar reads them.
   */
  public FeatureHarness withLexicon() {
    lexicon = await(() -> Future.all(cachedHire.jobs(), cachedHire.processes())
        .map(all -> Lexicon.of(all.resultAt(0), all.resultAt(1))));
    return this;
  }

  /** A group member @-mentions the bot with {@code text}; returns the reply. */
  public Shown inGroup(String chatId, String user, String text) {
    return ask(new ChatRef(chatId, ChatRef.ChatType.GROUP), user, text);
  }

  /** Someone in the team chat asks. */
  public Shown inGroup(String text) {
    return inGroup(TEAM_CHAT, ALICE, text);
  }

  /** A user writes to the bot in their private chat. */
  public Shown privately(String user, String text) {
    return ask(new ChatRef("oc_p2p_" + user, ChatRef.ChatType.P2P), user, text);
  }

  private Shown ask(ChatRef chat, String user, String text) {
    String messageId = "om_asked_" + ids.incrementAndGet();
    await(() -> dispatcher().handle(message(messageId, chat, user, text)));
    return replyTo(messageId, text);
  }

  /**
   * Someone in the team chat asks, without waiting for the bot to finish: handling completes only once its reply's
   * send does, which a test may hold open ({@link RecordingMessenger#holdNextReply()}). Complete with the reply.
   */
  public Future<Shown> inGroupPending(String text) {
    String messageId = "om_asked_" + ids.incrementAndGet();
    IncomingMessage m = message(messageId, new ChatRef(TEAM_CHAT, ChatRef.ChatType.GROUP), ALICE, text);
    Promise<Shown> done = Promise.promise();
    context.runOnContext(v -> dispatcher().handle(m).map(x -> replyTo(messageId, text)).onComplete(done));
    return done.future();
  }

  private IncomingMessage message(String messageId, ChatRef chat, String user, String text) {
    return new IncomingMessage("ev_" + messageId, messageId, chat, UserRef.ofOpenId(user), "text", text,
        chat.isGroup(), clock.instant());
  }

  private Shown replyTo(String messageId, String text) {
    return withinLimits(messenger.sent(RecordingMessenger.Kind.REPLY).stream()
        .filter(s -> messageId.equals(s.parentId())).findFirst()
        .orElseThrow(() -> new AssertionError("no reply to " + text + ": " + messenger.sent())).shown());
  }

  /** The app's dispatcher over this harness's features and fakes, with no gates in its chain: only the audit. */
  private BotDispatcher dispatcher() {
    BotDispatcher d = dispatcher;
    if (d == null) {
      // Never claimed: the harness calls handle, which takes no claim, so the tracker has no store.
      InFlight unclaimed = new InFlight(vertx, null, METERS);
      d = new BotDispatcher(vertx, parser, registry, MiddlewareChain.of(new Audit(audit, errors, clock)), unclaimed, messenger, errors, METERS,
          messages, registry::welcome, conversations, sentCards::chatType, chats);
      dispatcher = d;
    }
    return d;
  }

  /**
   * The answer to a click: its toast (its kind, its text in the clicked card's language, and in every language), the
   * card that replaced the clicked one (null when it stays), and the view that renders that card again when it lives
   * on (null for a card nothing re-renders), and the id of the clicked card's message.
   */
  public record Clicked(Toast.Type toastType, String toast, Shown card, Toast toasts, ObjectNode view,
      String messageId) {}

  /** The clock's now in {@link #ZONE}: the moment the cards write their dates as of (a year not its own is shown). */
  public java.time.ZonedDateTime now() {
    return clock.instant().atZone(ZONE);
  }

  /** {@code day} as the cards write it now ({@link DateTexts#day}: with its year when not this one). */
  public String day(java.time.LocalDate day, io.hirebot.i18n.Language lang) {
    return DateTexts.day(day, now(), lang);
  }

  /** Moves the clock to the next {@code time} of day in {@link #ZONE} (the configured zone). */
  public void advanceToNext(java.time.LocalTime time) {
    java.time.ZonedDateTime now = now();
    java.time.ZonedDateTime next = now.toLocalDate().atTime(time).atZone(ZONE);
    clock.advance(Duration.between(now, next.isAfter(now) ? next : next.plusDays(1)));
  }

  /** The chat reads its dates in {@code zone} from now on, as "timezone …" typed in it would make it. */
  public void zone(String chatId, ZoneId zone) {
    chatZones.put(chatId, zone);
  }

  /** The chat follows the job from now on, as "subscribe job …" typed in it would make it. */
  public void follow(String chatId, String jobId) {
    follows.add(chatId + "/" + jobId);
  }

  /**
   * Renders a card's {@code view} again for {@code viewer}, as a living card in the team chat is refreshed after a change
   * in Hire.
   */
  public Shown rerender(ObjectNode view, String viewer) {
    return rerender(view, new CardPlace(TEAM_CHAT, "om_living_" + ids.incrementAndGet(), viewer));
  }

  /** The same for the card at {@code place}. */
  public Shown rerender(ObjectNode view, CardPlace place) {
    return withinLimits(Shown.of(await(() -> registry.views().render(view.deepCopy(), place))));
  }

  /** {@code user} clicks a button whose callback value is {@code value} on a card in the team chat. */
  public Clicked click(JsonNode value, String user) {
    return click(value, user, null, Map.of());
  }

  /** The same, for a menu ({@code option}) or a form submit ({@code form}). */
  public Clicked click(JsonNode value, String user, String option, Map<String, Object> form) {
    return click(value, user, option, form, TEAM_CHAT);
  }

  /**
   * {@code user} clicks a button on a card in their private chat with the bot, which the bot recorded there (so the
   * click is known to come from a private chat, as the app knows it from the cards it sent).
   */
  public Clicked clickPrivately(JsonNode value, String user) {
    return clickPrivately(value, user, null, Map.of());
  }

  /** The same, for a menu ({@code option}) or a form submit ({@code form}). */
  public Clicked clickPrivately(JsonNode value, String user, String option, Map<String, Object> form) {
    return click(value, user, option, form, "oc_p2p_" + user);
  }

  /**
   * {@code user} clicks a button on the team chat's card {@code messageId}, which an earlier click was on (a double
   * click, or a second member clicking the same button).
   */
  public Clicked clickOn(String messageId, JsonNode value, String user) {
    return click(value, user, null, Map.of(), TEAM_CHAT, messageId);
  }

  /** The card clicked is a new one in {@code chatId}: one the harness recorded there when that is a private chat. */
  private Clicked click(JsonNode value, String user, String option, Map<String, Object> form, String chatId) {
    String messageId = "om_card_" + ids.incrementAndGet();
    if (!TEAM_CHAT.equals(chatId)) {
      chatTypes.put(messageId, ChatRef.ChatType.P2P);
    }
    return click(value, user, option, form, chatId, messageId);
  }

  private Clicked click(JsonNode value, String user, String option, Map<String, Object> form, String chatId,
      String messageId) {
    String eventId = "ev_click_" + ids.incrementAndGet();
    CardAction action = new CardAction(eventId, UserRef.ofOpenId(user), messageId, chatId,
        "c-" + eventId, option == null ? "button" : "overflow", (ObjectNode) value.deepCopy(), option, form, null);
    ActionResult r = await(() -> dispatcher().onCardAction(action));
    return new Clicked(r.toast().type(), r.toast().text(action.language()), withinLimits(Shown.of(r.card())), r.toast(),
        r.view(), messageId);
  }

  /** What the bot sent as a reply to the message {@code messageId} (a profile opened on a group's card), in order. */
  public List<Shown> repliesTo(String messageId) {
    return messenger.sent(RecordingMessenger.Kind.REPLY).stream().filter(s -> messageId.equals(s.parentId()))
        .map(s -> withinLimits(s.shown())).toList();
  }

  /** The bot's record of its cards, as the subscriptions feature keeps it in the app, for the cards shown here. */
  private final class KnownChats implements SentCards {
    @Override
    public Future<Optional<ChatRef.ChatType>> chatType(String messageId) {
      return Future.succeededFuture(Optional.ofNullable(chatTypes.get(messageId)));
    }

    @Override
    public Future<Void> answering(java.util.Collection<String> messageIds, String applicationId) {
      // No card here is re-rendered by Hire events (the subscriptions feature does that in the app).
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> changedWithoutEvent(String applicationId, String jobId) {
      return Future.succeededFuture();
    }

    @Override
    public void sent(SentCard card) {
      if (card.chatType() != null) {
        chatTypes.put(card.messageId(), card.chatType());
      }
    }
  }

  /** Every card the harness hands a test is one Feishu would accept (element count, size, depth). */
  private static Shown withinLimits(Shown shown) {
    if (shown != null && shown.isCard()) {
      List<String> violations = CardLimits.violations((ObjectNode) shown.card(), shown.card().toString());
      if (!violations.isEmpty()) {
        throw new AssertionError("Feishu would refuse this card: " + violations + " " + shown);
      }
    }
    return shown;
  }

  /** Runs {@code work} on the harness's event loop, as handlers run in the app, and waits for its result. */
  public <T> T await(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    try {
      return done.future().toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the feature failed or did not answer within " + TIMEOUT + ": " + e, e);
    }
  }

  @Override
  public void close() {
    vertx.close();
  }

  private static <T> Supplier<T> memo(Supplier<T> load) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = load.get();
        }
        return value;
      }
    };
  }
}
