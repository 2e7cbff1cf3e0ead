package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.sandbox.card.CardViolation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * Feishu's cards visible to one member of a group ("发送仅特定人可见的消息卡片"): {@code POST
 * /open-apis/ephemeral/v1/send} and {@code /delete}. As documented: ordinary groups only (not p2p chats), the
 * bot must be in the group, JSON 1.0 and 2.0 cards are accepted but per-component multi-language
 * ({@code i18n_content}) is not, 40 per second per group, and such a card cannot be PATCHed (it is not an IM message).
 * The error codes for a p2p chat and for local i18n are not documented; the sandbox answers 230001 and 230099.
 */
final class EphemeralRoutes {
  static final String SEND = "/open-apis/ephemeral/v1/send";
  static final String DELETE = "/open-apis/ephemeral/v1/delete";
  static final String CHAT_ENDPOINT = "ephemeral-chat";
  static final int CHAT_RATE = 40;

  private final ImState im;
  private final Clock clock;
  private Gateway gateway;

  EphemeralRoutes(SandboxConfig config, ImState im) {
    this.im = im;
    this.clock = config.clock();
  }

  void install(Api api) {
    this.gateway = api.gateway();
    api.post(SEND, ImRoutes.IM_APP_RATE, this::send);
    api.post(DELETE, ImRoutes.IM_APP_RATE, this::delete);
  }

  private JsonObject send(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 230001);
    String chatId = body.getString("chat_id");
    String openId = body.getString("open_id");
    if (chatId == null || chatId.isBlank()) {
      throw ApiError.badRequest(230001, "invalid param: chat_id is required");
    }
    if (openId == null || openId.isBlank()) {
      throw ApiError.badRequest(230001, "invalid param: one of open_id, user_id, email is required "
          + "(the sandbox knows users by open_id)");
    }
    if (!"interactive".equals(body.getString("msg_type"))) {
      throw ApiError.badRequest(230001, "invalid param: msg_type must be interactive");
    }
    Chat chat = im.chat(chatId).orElseThrow(() -> ApiError.badRequest(230002, "Bot/User can NOT be out of the chat."));
    if (!chat.isGroup()) {
      throw ApiError.badRequest(230001, "invalid param: cards visible to certain people are for group chats only");
    }
    Object raw = body.getValue("card");
    if (!(raw instanceof JsonObject card)) {
      throw ApiError.badRequest(230001, "invalid param: card must be a card JSON object");
    }
    JsonNode node = JsonSupport.parse(card.encode());
    try {
      CardValidator.validate(card.encode(), node);
    } catch (CardViolation v) {
      throw ApiError.badRequest(v.code(), v.getMessage());
    }
    if (hasLocalI18n(node)) {
      throw ApiError.badRequest(230099, "card content invalid: this API supports only whole-card multi-language, "
          + "not per-component i18n_content");
    }
    gateway.acquireOrThrow(CHAT_ENDPOINT, CHAT_ENDPOINT + ":" + chatId, CHAT_RATE,
        ApiError.badRequest(230020, "This operation triggers the frequency limit."));
    EphemeralCard stored = im.storeEphemeral(new EphemeralCard(im.newMessageId(), chatId, openId, node, clock.instant()));
    return new JsonObject().put("message_id", stored.messageId());
  }

  private JsonObject delete(RoutingContext ctx) {
    String messageId = Api.jsonBody(ctx, 230001).getString("message_id");
    if (messageId == null || im.deleteEphemeral(messageId).isEmpty()) {
      throw ApiError.badRequest(230001, "invalid param: message_id is not a card visible to certain people");
    }
    return new JsonObject();
  }

  /** Per-component multi-language: an {@code i18n_content} (or a text's {@code i18n}) anywhere under the body. */
  private static boolean hasLocalI18n(JsonNode node) {
    if (node.isObject() && (node.has("i18n_content") || node.has("i18n"))) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasLocalI18n(child)) {
        return true;
      }
    }
    return false;
  }
}
