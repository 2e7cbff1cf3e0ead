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
import io.hirebot.store.CardRegistry;
import io.hirebot.store.CardRegistry.ShownCard;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps cards current: remembers what each sent card shows (its view: the callback value that renders it, given
 * by the feature that answered) and which applications appear on it, and when one of them changes stage,
 * re-renders each such card as itself — a list as that list, a profile as that profile — and replaces it in
 * place while Feishu still allows edits. Forms and pickers have no view and are never touched.
 */
final class LivingCards implements SentCards {
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

  private final CardRegistry registry;
  private final ViewRenderer renderer;
  private final Messenger messenger;
  private final Clock clock;

  LivingCards(CardRegistry registry, ViewRenderer renderer, Messenger messenger, Clock clock) {
    this.registry = registry;
    this.renderer = renderer;
    this.messenger = messenger;
    this.clock = clock;
  }

  @Override
  public void sent(SentCard card) {
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
    registry.record(new ShownCard(card.messageId(), card.chatId(), chatType, card.viewer(),
            card.view() == null ? null : card.view().toString(), null), keys)
        .onSuccess(v -> log.debug("card recorded message_id={} living={} keys={}", card.messageId(),
            card.view() != null, keys.size()))
        .onFailure(e -> log.warn("card not recorded message_id={} cause={}", card.messageId(), e.toString()));
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
        .compose(cards -> Future.join(cards.stream().map(c -> refresh(c, applicationId)).toList()).mapEmpty());
  }

  private Future<Void> refresh(ShownCard c, String applicationId) {
    ObjectNode view;
    try {
      view = (ObjectNode) JSON.readTree(c.view());
    } catch (JsonProcessingException | ClassCastException e) {
      log.warn("living card view unreadable message_id={} view={}", c.messageId(), c.view());
      return Future.succeededFuture();
    }
    return renderer.render(view, new CardPlace(c.chatId(), c.messageId(), c.viewer()))
        .compose(card -> messenger.updateCard(c.messageId(), card)
            .onSuccess(v -> sent(new SentCard(c.chatId(), c.messageId(), card, view, null, c.viewer()))))
        .onFailure(e -> log.warn("living card not updated message_id={} view={} application_id={} cause={}",
            c.messageId(), view.path("action").asText(), applicationId, e.toString()))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
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
