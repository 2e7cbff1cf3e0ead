package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.sandbox.card.CardViolation;
import io.hirebot.sandbox.card.ContentValidator;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** IM send / reply / patch and the delayed card update, validated and recorded like Feishu. */
final class ImRoutes {

  /** Key and limit of the app-wide IM budget (send/reply/patch/card update share it). */
  static final String IM_ENDPOINT = "im";
  static final int IM_APP_RATE = 50;
  static final String CHAT_ENDPOINT = "im-chat";
  static final int CHAT_RATE = 5;
  static final String PATCH_ENDPOINT = "im-patch";
  static final int PATCH_RATE = 5;
  static final Duration PATCH_WINDOW = Duration.ofDays(14);
  static final int MAX_UUID = 50;
  static final String MESSAGES = "/open-apis/im/v1/messages";

  private final SandboxConfig config;
  private final ImState im;
  private final CardTokens cardTokens;
  private final Faults faults;
  private final Clock clock;
  private Gateway gateway;

  ImRoutes(SandboxConfig config, ImState im, CardTokens cardTokens, Faults faults) {
    this.config = config;
    this.im = im;
    this.cardTokens = cardTokens;
    this.faults = faults;
    this.clock = config.clock();
  }

  void install(Api api) {
    this.gateway = api.gateway();
    api.data(HttpMethod.POST, MESSAGES, IM_ENDPOINT, IM_APP_RATE, this::send);
    api.data(HttpMethod.POST, MESSAGES + "/:message_id/reply", IM_ENDPOINT, IM_APP_RATE, this::reply);
    api.data(HttpMethod.PATCH, MESSAGES + "/:message_id", IM_ENDPOINT, IM_APP_RATE, this::patch);
    api.whole(HttpMethod.POST, "/open-apis/interactive/v1/card/update", IM_ENDPOINT, IM_APP_RATE, this::delayedUpdate);
  }

  private JsonObject send(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 230001);
    String idType = ctx.request().getParam("receive_id_type");
    String receiveId = body.getString("receive_id");
    if (idType == null || receiveId == null || receiveId.isBlank()) {
      throw ApiError.badRequest(230001, "invalid param: receive_id_type and receive_id are required");
    }
    JsonNode content = validContent(body);
    String chatId = switch (idType) {
      case "chat_id" -> receiveId;
      case "open_id" -> {
        if (!receiveId.startsWith("ou_")) {
          throw ApiError.badRequest(230034, "the receive_id is invalid for receive_id_type open_id");
        }
        yield im.p2pChat(receiveId).chatId();
      }
      default -> throw ApiError.badRequest(230001, "invalid param: receive_id_type " + idType + " is not supported by the sandbox");
    };
    if (!im.botIn(chatId)) {
      throw ApiError.badRequest(230002, "Bot/User can NOT be out of the chat.");
    }
    return deliver(body, content, chatId, null, null);
  }

  private JsonObject reply(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 230001);
    String parentId = ctx.pathParam("message_id");
    JsonNode content = validContent(body);
    String chatId = im.chatOfMessage(parentId).orElseThrow(() ->
        ApiError.badRequest(230001, "invalid param: the message_id does not exist"));
    if (!im.botIn(chatId)) {
      throw ApiError.badRequest(230002, "Bot/User can NOT be out of the chat.");
    }
    String root = im.message(parentId).map(m -> m.rootId() != null ? m.rootId() : parentId).orElse(parentId);
    String thread = body.getBoolean("reply_in_thread", false) ? "omt_" + parentId.substring(3) : null;
    return deliver(body, content, chatId, parentId, new String[] {root, thread});
  }

  private JsonObject deliver(JsonObject body, JsonNode content, String chatId, String parentId, String[] rootAndThread) {
    String uuid = body.getString("uuid");
    if (uuid != null && uuid.length() > MAX_UUID) {
      throw ApiError.badRequest(230001, "invalid param: uuid is longer than " + MAX_UUID + " characters");
    }
    Optional<SentMessage> earlier = im.byUuid(uuid);
    if (earlier.isPresent()) {
      return messageData(earlier.get());
    }
    if ("interactive".equals(body.getString("msg_type"))) {
      faults.cardRefusal().ifPresent(f -> {
        throw ApiError.badRequest(f.code(), f.msg());
      });
    }
    gateway.acquireOrThrow(CHAT_ENDPOINT, CHAT_ENDPOINT + ":" + chatId, CHAT_RATE,
        ApiError.badRequest(230020, "This operation triggers the frequency limit."));
    SentMessage m = new SentMessage(im.newMessageId(), chatId, body.getString("msg_type"), content, parentId,
        rootAndThread == null ? null : rootAndThread[0], rootAndThread == null ? null : rootAndThread[1],
        uuid, clock.instant(), List.of());
    // Two concurrent sends with one uuid both get here; storeOnce keeps exactly one.
    return messageData(im.storeOnce(m));
  }

  private JsonObject patch(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 230001);
    String messageId = ctx.pathParam("message_id");
    SentMessage m = im.message(messageId).orElseThrow(() ->
        ApiError.badRequest(230001, "invalid param: the message does not exist or was not sent by this bot"));
    if (!"interactive".equals(m.msgType())) {
      throw ApiError.badRequest(230001, "invalid param: only interactive (card) messages can be patched");
    }
    if (clock.instant().isAfter(m.createTime().plus(PATCH_WINDOW))) {
      throw ApiError.badRequest(230031, "The message was sent more than 14 days ago and cannot be updated.");
    }
    gateway.acquireOrThrow(PATCH_ENDPOINT, PATCH_ENDPOINT + ":" + messageId, PATCH_RATE,
        ApiError.badRequest(230020, "This operation triggers the frequency limit."));
    JsonNode card = validCard(body.getString("content"), 230099, 230025);
    im.update(messageId, new MessageUpdate(MessageUpdate.Kind.PATCH, card, clock.instant()));
    return new JsonObject();
  }

  private JsonObject delayedUpdate(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 100030);
    JsonObject card = body.getJsonObject("card");
    String messageId = cardTokens.use(body.getString("token"));
    if (card == null) {
      throw ApiError.badRequest(10002, "card is required");
    }
    // Its documented errors are its own (11311 card format, 10002, 100000 over 100 KB converted); it names no code for
    // its "卡片大小需控制在 30KB 以内", so a card over 30 KB is refused as a card not meeting the format, not with IM's 230025.
    JsonNode node = validCard(card.encode(), 11311, 11311);
    im.update(messageId, new MessageUpdate(MessageUpdate.Kind.DELAYED_UPDATE, node, clock.instant()));
    return new JsonObject().put("code", 0).put("msg", "ok");
  }

  private static JsonNode validContent(JsonObject body) {
    try {
      return ContentValidator.validate(body.getString("msg_type"), body.getString("content"));
    } catch (CardViolation v) {
      throw ApiError.badRequest(v.code(), v.getMessage());
    }
  }

  /**
   * The card {@code content} parsed and checked: a card Feishu refuses is {@code invalidCode}, one over 30 KB (its JSON,
   * the content string, not the request body it travels in) {@code tooLongCode}.
   */
  private static JsonNode validCard(String content, int invalidCode, int tooLongCode) {
    if (content == null) {
      throw ApiError.badRequest(230001, "invalid param: content is required");
    }
    try {
      JsonNode card = JsonSupport.parse(content);
      CardValidator.validate(content, card);
      return card;
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(invalidCode, "Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err;");
    } catch (CardViolation v) {
      throw ApiError.badRequest(v.code() == 230099 ? invalidCode : v.code() == 230025 ? tooLongCode : v.code(),
          v.getMessage());
    }
  }

  /**
   * The answer's {@code mentions[]} ({@code key, id, id_type, name, tenant_key}): whom the content mentions, keyed
   * like received messages' placeholders; the key Feishu gives "all" is not documented ("@_all" here).
   */
  private static JsonArray mentionsJson(SentMessage m) {
    JsonArray out = new JsonArray();
    int n = 0;
    for (String id : Mentions.in(m.msgType(), m.content())) {
      boolean all = Mentions.ALL.equals(id);
      out.add(new JsonObject().put("key", all ? "@_all" : "@_user_" + ++n).put("id", id)
          .put("id_type", all ? "" : "open_id").put("name", "").put("tenant_key", FeishuSandbox.TENANT_KEY));
    }
    return out;
  }

  private JsonObject messageData(SentMessage m) {
    String time = String.valueOf(m.createTime().toEpochMilli());
    JsonObject data = new JsonObject().put("message_id", m.messageId())
        .put("msg_type", m.msgType()).put("create_time", time).put("update_time", time)
        .put("deleted", false).put("updated", false).put("chat_id", m.chatId())
        .put("sender", new JsonObject().put("id", config.appId()).put("id_type", "app_id").put("sender_type", "app")
            .put("tenant_key", FeishuSandbox.TENANT_KEY))
        .put("body", new JsonObject().put("content", JsonSupport.write(m.content())))
        .put("mentions", mentionsJson(m));
    if (m.parentId() != null) {
      data.put("root_id", m.rootId()).put("parent_id", m.parentId());
    }
    if (m.threadId() != null) {
      data.put("thread_id", m.threadId());
    }
    return data;
  }
}
