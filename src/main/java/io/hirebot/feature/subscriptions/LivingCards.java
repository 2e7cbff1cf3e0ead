package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.QuickActions;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.ViewRenderer;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.error.FeishuApiException;
import io.hirebot.schedule.Routine;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.CardRegistry.ShownCard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps cards current: remembers what each sent card shows (its view: the callback value that renders it, given
 * by the feature that answered) and which applications appear on it, and when one of them changes stage,
 * re-renders each such card as itself — a list as that list, a profile as that profile — and replaces it in
 * place while Feishu still allows edits. Forms and pickers have no view and are never touched.
 *
 * <p>A card never stays stale. Its refreshes are coalesced: one in flight per card, and changes meanwhile make one
 * more, drawn when it starts (so it shows the latest state, and an older drawing never lands after a newer one). A
 * refresh Feishu does not take past the bot's own retries (its edit limit of one message, 230020; a gateway 429; no
 * answer; a 5xx; Hire not answering for the drawing) is owed, not dropped: the card is marked due in {@code sent_cards}
 * and drawn again after a back-off (2 s, doubling, at most 5 min), on a timer here and, for a refresh a restart or
 * another replica inherits, by this routine every minute, until one lands, the card leaves Feishu's 14 days, or Feishu
 * says the message is gone (recalled, deleted, its chat dissolved: the card is forgotten). Decision: the mark is two
 * columns of the card's row, not a table or the events' journal: a due card is taken by a conditional update, as
 * pending notices are, and whatever lands on the card (a refresh, a click's answer) settles it.
 */
final class LivingCards implements SentCards, Routine {
  private static final Logger log = LoggerFactory.getLogger(LivingCards.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Feishu edits a message for 14 days after it received it. The bot records the send just after Feishu's answer,
   * so it stops a few minutes early rather than spend a PATCH that fails with 230031.
   */
  public static final Duration EDITABLE_FOR = Duration.ofDays(14).minusMinutes(5);
  /** The key under which a list of a job's candidates is found: any stage change in the job changes it. */
  static final String JOB_KEY = "job:";
  /**
   * How long a card answered by its own click keeps that answer against the change's Hire event, which Feishu pushes
   * within seconds of the write (a later retry of it re-renders the card from its view, which keeps the notice and its
   * Undo while the Undo is open).
   */
  static final Duration ANSWER_KEPT = Duration.ofMinutes(2);
  /**
   * The wait before drawing again a card whose refresh Feishu did not take; it doubles with each refresh failed in a
   * row. Feishu's edit limit of one message is 5 a second, so the first retry finds it free again.
   */
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  /** The longest wait between two refreshes of a card Feishu keeps refusing (an outage). */
  static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
  /** How long a taken due card is held: longer than a bulk PATCH waits for its permits and Feishu's answer. */
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration PERIOD = Duration.ofMinutes(1);
  /**
   * PATCH's codes for a message that no edit will reach (the patch page's error table): 230011 recalled, 230110
   * deleted, 232009 its chat dissolved, 230031 past Feishu's 14 days.
   */
  static final Set<Integer> GONE = Set.of(230011, 230110, 232009, 230031);

  private final CardRegistry registry;
  private final ViewRenderer renderer;
  private final Messenger messenger;
  private final Clock clock;
  private final Vertx vertx;
  /**
   * The cards whose refresh is in flight here (absent: none), each with the card to draw again once it ends (empty: no
   * change came meanwhile).
   */
  private final ConcurrentMap<String, Optional<ShownCard>> inFlight = new ConcurrentHashMap<>();

  LivingCards(CardRegistry registry, ViewRenderer renderer, Messenger messenger, Clock clock, Vertx vertx) {
    this.registry = registry;
    this.renderer = renderer;
    this.messenger = messenger;
    this.clock = clock;
    this.vertx = vertx;
  }

  @Override
  public String name() {
    return "living-card-refreshes";
  }

  @Override
  public Duration period() {
    return PERIOD;
  }

  /** Draws again the cards whose refresh is due (owed by any replica, before a restart too). */
  @Override
  public Future<Void> run(Instant now) {
    return registry.takeDueRefreshes(null, now.minus(EDITABLE_FOR), LEASE)
        .compose(cards -> Future.join(cards.stream().map(this::request).toList()).mapEmpty());
  }

  @Override
  public void sent(SentCard card) {
    recorded(card);
  }

  /** Records what the card shows now (settling a refresh it owed); completes when stored, never failing. */
  private Future<Void> recorded(SentCard card) {
    Set<String> keys = new LinkedHashSet<>();
    collectApplications(card.card(), keys);
    if (card.view() != null) {
      card.view().path(QuickActions.SHOWN).forEach(id -> keys.add(id.asText()));
    }
    String jobId = card.view() == null ? "" : card.view().path("job_id").asText("");
    if (!jobId.isEmpty()) {
      keys.add(JOB_KEY + jobId);
    }
    String chatType = card.chatType() == null ? null : card.chatType().name().toLowerCase(Locale.ROOT);
    return registry.record(new ShownCard(card.messageId(), card.chatId(), chatType, card.viewer(),
            card.view() == null ? null : card.view().toString(), null), keys)
        .onSuccess(v -> log.debug("card recorded message_id={} living={} keys={}", card.messageId(),
            card.view() != null, keys.size()))
        .onFailure(e -> log.warn("card not recorded message_id={} cause={}", card.messageId(), e.toString()))
        .otherwiseEmpty();
  }

  @Override
  public Future<Optional<ChatRef.ChatType>> chatType(String messageId) {
    return registry.card(messageId).map(card -> card.map(ShownCard::chatType)
        .map(t -> "p2p".equals(t) ? ChatRef.ChatType.P2P : ChatRef.ChatType.GROUP));
  }

  @Override
  public Future<Void> answering(Collection<String> messageIds, String applicationId) {
    return registry.answering(messageIds, applicationId, clock.instant().plus(ANSWER_KEPT));
  }

  @Override
  public Future<Void> changedWithoutEvent(String applicationId, String jobId) {
    return refresh(applicationId, jobId);
  }

  /**
   * Re-renders every card Feishu still lets the bot edit that shows the application or lists its job, but for the
   * ones whose own click made this change: their answer shows it already, with what was done and an Undo.
   */
  public Future<Void> refresh(String applicationId, String jobId) {
    return registry.showing(Set.of(applicationId, JOB_KEY + jobId), clock.instant().minus(EDITABLE_FOR), applicationId)
        .compose(cards -> Future.join(cards.stream().map(this::request).toList()).mapEmpty());
  }

  /**
   * Refreshes the card, or, when a refresh of it is in flight here, has that one followed by another (drawn when it
   * starts, so from the latest state). Completes when this request's refresh ended, or at once when it was folded
   * into one in flight; never fails.
   */
  private Future<Void> request(ShownCard c) {
    AtomicBoolean first = new AtomicBoolean();
    inFlight.compute(c.messageId(), (id, flight) -> {
      first.set(flight == null);
      return flight == null ? Optional.empty() : Optional.of(c);
    });
    return first.get() ? fly(c) : Future.succeededFuture();
  }

  /** One refresh of the card, then the one requested meanwhile, if any (not awaited: a burst is one at a time). */
  private Future<Void> fly(ShownCard c) {
    return attempt(c).andThen(done -> {
      AtomicReference<ShownCard> again = new AtomicReference<>();
      inFlight.computeIfPresent(c.messageId(), (id, flight) -> {
        again.set(flight.orElse(null));
        return flight.isPresent() ? Optional.empty() : null;
      });
      if (again.get() != null) {
        fly(again.get());
      }
    });
  }

  /** Draws the card from its view now and replaces it; what Feishu's answer means for it settles it. Never fails. */
  private Future<Void> attempt(ShownCard c) {
    ObjectNode view;
    try {
      view = (ObjectNode) JSON.readTree(c.view());
    } catch (JsonProcessingException | ClassCastException e) {
      log.warn("living card view unreadable message_id={} view={}", c.messageId(), c.view());
      return registry.refreshSettled(c.messageId()).otherwiseEmpty();
    }
    return renderer.render(view, new CardPlace(c.chatId(), c.messageId(), c.viewer()))
        .compose(card -> messenger.updateCard(c.messageId(), card)
            .compose(v -> recorded(new SentCard(c.chatId(), c.messageId(), card, view, null, c.viewer()))))
        .recover(e -> failed(c, view.path("action").asText(), e));
  }

  /**
   * A refresh that did not land: the card is forgotten when Feishu says the message is gone, drawn again later when
   * a later refresh may land (a rate limit, an outage of Feishu or of Hire), and left as it is when Feishu refused the
   * card itself or the call (a later drawing would be refused alike).
   */
  private Future<Void> failed(ShownCard c, String action, Throwable e) {
    FeishuApiException fe = e instanceof FeishuApiException f ? f : null;
    if (fe != null && fe.kind() == FeishuApiException.Kind.ANSWERED && GONE.contains(fe.code())) {
      log.info("living card gone, forgotten message_id={} view={} code={}", c.messageId(), action, fe.code());
      return registry.forget(c.messageId()).otherwiseEmpty();
    }
    if (fe != null && (fe.isRateLimited() || fe.isOutage() || fe.kind() == FeishuApiException.Kind.NOT_TRIED)) {
      return registry.refreshFailed(c.messageId(), LivingCards::backoff)
          .onSuccess(wait -> {
            log.info("living card not updated, drawn again in {} ms message_id={} view={} cause={}", wait.toMillis(),
                c.messageId(), action, e.toString());
            vertx.setTimer(Math.max(1, wait.toMillis()), t -> retry(c.messageId()));
          })
          .onFailure(x -> log.warn("living card not updated nor kept for later message_id={} view={} cause={} "
              + "store_cause={}", c.messageId(), action, e.toString(), x.toString()))
          .<Void>mapEmpty().otherwiseEmpty();
    }
    log.warn("living card not updated message_id={} view={} cause={}", c.messageId(), action, e.toString());
    return registry.refreshSettled(c.messageId()).otherwiseEmpty();
  }

  /** The timer of a refresh owed here: takes the card if it is still due (the routine or another replica may have). */
  private void retry(String messageId) {
    registry.takeDueRefreshes(messageId, clock.instant().minus(EDITABLE_FOR), LEASE)
        .onSuccess(cards -> cards.forEach(this::request))
        .onFailure(e -> log.warn("living card's refresh not taken, left to the routine message_id={} cause={}",
            messageId, e.toString()));
  }

  /** The wait after {@code failures} refreshes of a card failed in a row. */
  static Duration backoff(int failures) {
    int doublings = Math.min(Math.max(0, failures - 1), 16);
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }

  /**
   * Forgets cards Feishu no longer lets anyone click or the bot edit (a JSON 2.0 card is interactive and updatable
   * for 14 days), so the record stays the size of two weeks of cards.
   */
  public Future<Integer> forgetExpired() {
    return registry.forgetSentBefore(clock.instant().minus(Duration.ofDays(14)));
  }

  /** The applications a card shows: those its buttons act on. */
  private static void collectApplications(JsonNode node, Set<String> into) {
    if (node.isObject() && "callback".equals(node.path("type").asText()) && node.path("value").isObject()
        && node.path("value").hasNonNull("application_id")) {
      into.add(node.path("value").path("application_id").asText());
    }
    node.elements().forEachRemaining(child -> collectApplications(child, into));
  }
}
