package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CardSentListener;
import io.hirebot.bot.Messenger;
import io.hirebot.command.Language;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.CardRegistry.ShownCard;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps candidate cards current: remembers which applications each sent card shows (read from its buttons'
 * callback values), and when one of them changes stage, re-renders those cards of the last 14 days and
 * replaces them in place, so nobody clicks a stale button.
 */
public final class LivingCards implements CardSentListener {
  private static final Logger log = LoggerFactory.getLogger(LivingCards.class);
  /** Feishu lets a bot edit its messages for 14 days. */
  public static final Duration EDITABLE_FOR = Duration.ofDays(14);

  /** Renders the candidates card of a job's page afresh. */
  @FunctionalInterface
  public interface Renderer {
    Future<ObjectNode> render(String jobId, int page, Language lang);
  }

  private final CardRegistry registry;
  private final Renderer renderer;
  private final Messenger messenger;
  private final Clock clock;

  public LivingCards(CardRegistry registry, Renderer renderer, Messenger messenger, Clock clock) {
    this.registry = registry;
    this.renderer = renderer;
    this.messenger = messenger;
    this.clock = clock;
  }

  @Override
  public void sent(String chatId, String messageId, ObjectNode card) {
    List<JsonNode> values = new ArrayList<>();
    collectValues(card, values);
    Set<String> applications = new LinkedHashSet<>();
    String jobId = "";
    String lang = "en_us";
    int page = 0;
    for (JsonNode v : values) {
      if (v.hasNonNull("application_id")) {
        applications.add(v.get("application_id").asText());
        jobId = v.path("job_id").asText(jobId);
        lang = v.path("lang").asText(lang);
        // Row buttons carry the page they were shown on.
        page = v.path("page").asInt(page);
      }
    }
    if (applications.isEmpty() || jobId.isEmpty()) {
      return;
    }
    log.debug("card registered message_id={} job_id={} page={} applications={}", messageId, jobId, page,
        applications.size());
    registry.record(new ShownCard(messageId, chatId, jobId, page, lang), applications)
        .onFailure(e -> log.warn("card not registered message_id={} cause={}", messageId, e.toString()));
  }

  /** Replaces every recent card showing the application with a fresh rendering. */
  public Future<Void> refresh(String applicationId) {
    return registry.showing(applicationId, clock.instant().minus(EDITABLE_FOR)).compose(cards -> Future.join(
        cards.stream().map(c -> renderer.render(c.jobId(), c.page(), Language.ofFeishuLocale(c.lang()))
            .compose(card -> messenger.updateCard(c.messageId(), card).onSuccess(v -> sent(c.chatId(), c.messageId(),
                card)))
            .onFailure(e -> log.warn("living card not updated message_id={} application_id={} cause={}",
                c.messageId(), applicationId, e.toString())))
            .toList()).mapEmpty());
  }

  /** The callback values of every button of the card, in order. */
  private static void collectValues(JsonNode node, List<JsonNode> into) {
    if (node.isObject() && "callback".equals(node.path("type").asText()) && node.path("value").isObject()) {
      into.add(node.get("value"));
    }
    node.elements().forEachRemaining(child -> collectValues(child, into));
  }
}
