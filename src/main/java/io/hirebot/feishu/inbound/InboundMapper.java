package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.BotMenuClicked;
import io.hirebot.bot.inbound.BotRemovedFromChat;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.inbound.UnhandledEvent;
import io.hirebot.feishu.FeishuIds;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Maps a verified, decrypted envelope (v2, v1 or legacy card callback) to the bot's inbound records;
 * pure and thread-safe (given a thread-safe bot-id supplier).
 */
public final class InboundMapper {

  static final String MESSAGE_RECEIVE = "im.message.receive_v1";
  static final String CARD_ACTION = "card.action.trigger";
  static final String BOT_ADDED = "im.chat.member.bot.added_v1";
  static final String BOT_DELETED = "im.chat.member.bot.deleted_v1";
  static final String BOT_MENU = "application.bot.menu_v6";
  /** Every v2 event and callback type this mapper turns into something the bot handles. */
  public static final java.util.Set<String> HANDLED_TYPES = java.util.Set.of(MESSAGE_RECEIVE, CARD_ACTION, BOT_ADDED,
      BOT_DELETED, BOT_MENU, HireEvents.STAGE_CHANGED, HireEvents.APPLICATION_DELETED, HireEvents.OFFER_STATUS_CHANGED);

  private final Supplier<String> botOpenId;

  /** @param botOpenId the bot's open_id, read per message because it is fetched after start-up */
  public InboundMapper(Supplier<String> botOpenId) {
    this.botOpenId = Objects.requireNonNull(botOpenId, "botOpenId");
  }

  /**
   * @throws MalformedEventException when a field the bot needs is missing, or the JSON is no event
   *     envelope at all (url_verification never gets here: the verifier answers it)
   */
  public InboundEvent map(JsonNode plain) {
    if (plain == null || !plain.isObject()) {
      throw new MalformedEventException("envelope is not a JSON object");
    }
    return switch (EnvelopeKind.of(plain)) {
      case V2 -> mapV2(plain);
      case V1 -> new UnhandledEvent( // no v1 event type is handled yet (p2p_chat_create etc.)
          Fields.id(plain, "uuid", "uuid", FeishuIds.Kind.EVENT), Fields.required(plain.path("event"), "type", "event.type"));
      case LEGACY_CARD -> CardActions.fromLegacy(plain);
      case URL_VERIFICATION, UNKNOWN -> throw new MalformedEventException("not an event envelope");
    };
  }

  private InboundEvent mapV2(JsonNode plain) {
    JsonNode header = Fields.requiredObject(plain, "header", "header");
    String eventId = Fields.id(header, "event_id", "header.event_id", FeishuIds.Kind.EVENT);
    String eventType = Fields.required(header, "event_type", "header.event_type");
    return switch (eventType) {
      case MESSAGE_RECEIVE -> IncomingMessages.map(eventId, header, event(plain), botOpenId.get());
      case CARD_ACTION -> CardActions.fromV2(eventId, event(plain));
      case BOT_ADDED -> botAdded(eventId, event(plain));
      case BOT_DELETED -> new BotRemovedFromChat(eventId,
          Fields.id(event(plain), "chat_id", "event.chat_id", FeishuIds.Kind.CHAT),
          Fields.user(event(plain).path("operator_id"), "event.operator_id"));
      case BOT_MENU -> new BotMenuClicked(eventId,
          Fields.user(event(plain).path("operator").path("operator_id"), "event.operator.operator_id"),
          Fields.required(event(plain), "event_key", "event.event_key"));
      case HireEvents.STAGE_CHANGED, HireEvents.APPLICATION_DELETED, HireEvents.OFFER_STATUS_CHANGED ->
          HireEvents.map(eventId, eventType, event(plain));
      default -> new UnhandledEvent(eventId, eventType);
    };
  }

  private static BotAddedToChat botAdded(String eventId, JsonNode event) {
    return new BotAddedToChat(
        eventId,
        Fields.id(event, "chat_id", "event.chat_id", FeishuIds.Kind.CHAT),
        Fields.user(event.path("operator_id"), "event.operator_id"),
        Fields.optional(event, "name"));
  }

  private static JsonNode event(JsonNode plain) {
    return Fields.requiredObject(plain, "event", "event");
  }
}
