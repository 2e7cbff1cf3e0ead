package io.hirebot.feishu.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import com.lark.oapi.Client;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.feishu.FeishuIds;
import io.hirebot.util.RateLanes.Lane;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@link Messenger} over the SDK's IM v1 API (reference/feishu-bot-protocol.md §5): replies, sends,
 * card PATCHes and delayed card updates, within Feishu's 5 messages/s per chat. An instance sends in one lane
 * of the app's IM budget: the interactive one, or {@link #bulk()}'s.
 */
public final class FeishuMessenger implements Messenger {
  /** The delayed card update's operation name in the call metrics ({@code hirebot_feishu_calls_total}). */
  public static final String DELAYED_UPDATE = "im.card.delayed_update";
  private final Client client;
  private final FeishuCalls calls;
  private final ObjectMapper mapper;
  private final MeterRegistry metrics;
  private final Lane lane;
  private final FeishuMessenger bulk;

  public FeishuMessenger(Client client, FeishuCalls calls, ObjectMapper mapper, MeterRegistry metrics) {
    this.client = client;
    this.calls = calls;
    this.mapper = mapper;
    this.metrics = metrics;
    this.lane = Lane.INTERACTIVE;
    this.bulk = new FeishuMessenger(this);
  }

  private FeishuMessenger(FeishuMessenger interactive) {
    this.client = interactive.client;
    this.calls = interactive.calls;
    this.mapper = interactive.mapper;
    this.metrics = interactive.metrics;
    this.lane = Lane.BULK;
    this.bulk = this;
  }

  @Override
  public Messenger bulk() {
    return bulk;
  }

  @Override
  public Future<String> reply(String chatId, String messageId, Reply reply, String idempotencyKey) {
    Content c = content(reply);
    return FeishuIds.pathSegment("im.message.reply", FeishuIds.Kind.MESSAGE, messageId)
        .compose(id -> calls.call("im.message.reply", lane, chatId, () -> client.im().v1().message()
            .reply(ReplyMessageReq.newBuilder().messageId(id).replyMessageReqBody(ReplyMessageReqBody.newBuilder()
                .msgType(c.msgType()).content(c.json()).uuid(uuid(idempotencyKey)).build()).build())))
        .map(d -> sent(c, d.getMessageId()));
  }

  @Override
  public Future<String> sendToUser(String openId, Reply reply, String idempotencyKey) {
    return sendPrivately(openId, reply, idempotencyKey).map(Sent::messageId);
  }

  @Override
  public Future<Sent> sendPrivately(String openId, Reply reply, String idempotencyKey) {
    return create("open_id", FeishuIds.Kind.OPEN_ID, openId, reply, idempotencyKey);
  }

  @Override
  public Future<String> send(String chatId, Reply reply, String idempotencyKey) {
    return create("chat_id", FeishuIds.Kind.CHAT, chatId, reply, idempotencyKey).map(Sent::messageId);
  }

  /**
   * Feishu limits each recipient, chat or user, to 5 messages a second: one budget per receive id, a user's private
   * chat (named in Feishu's answer) counting as the user.
   */
  private Future<Sent> create(String idType, FeishuIds.Kind kind, String receiveId, Reply reply,
      String idempotencyKey) {
    Content c = content(reply);
    return FeishuIds.checked("im.message.create", kind, receiveId)
        .compose(id -> calls.call("im.message.create", lane, id, () -> client.im().v1().message().create(
            CreateMessageReq.newBuilder().receiveIdType(idType).createMessageReqBody(CreateMessageReqBody.newBuilder()
                .receiveId(id).msgType(c.msgType()).content(c.json()).uuid(uuid(idempotencyKey)).build())
                .build())))
        .map(d -> {
          if (kind == FeishuIds.Kind.OPEN_ID) {
            calls.privateChat(d.getChatId(), receiveId);
          }
          return new Sent(sent(c, d.getMessageId()), d.getChatId());
        });
  }

  @Override
  public void privateChat(String chatId, String openId) {
    calls.privateChat(chatId, openId);
  }

  @Override
  public Future<Void> updateCard(String messageId, ObjectNode card) {
    String json = json(card);
    return FeishuIds.pathSegment("im.message.patch", FeishuIds.Kind.MESSAGE, messageId)
        .compose(id -> calls.call("im.message.patch", lane, () -> client.im().v1().message().patch(PatchMessageReq
            .newBuilder().messageId(id).patchMessageReqBody(PatchMessageReqBody.newBuilder().content(json).build())
            .build())))
        .mapEmpty();
  }

  /** Body of the delayed update; a POJO because the SDK's Gson cannot serialise a Map on JDK 17. */
  static final class DelayedUpdate {
    @SerializedName("token")
    final String token;
    @SerializedName("card")
    final JsonElement card;

    DelayedUpdate(String token, JsonElement card) {
      this.token = token;
      this.card = card;
    }
  }

  @Override
  public Future<Void> delayedUpdate(String callbackToken, ObjectNode card) {
    DelayedUpdate body = new DelayedUpdate(callbackToken, JsonParser.parseString(json(card)));
    return calls.raw(DELAYED_UPDATE,
            () -> client.post("/open-apis/interactive/v1/card/update", body, AccessTokenType.Tenant))
        .mapEmpty();
  }

  /** Body of ephemeral/v1/send (SDK 2.5.3 has no typed method for it); a POJO for the same reason as above. */
  static final class EphemeralSend {
    @SerializedName("chat_id")
    final String chatId;
    @SerializedName("open_id")
    final String openId;
    @SerializedName("msg_type")
    final String msgType = "interactive";
    @SerializedName("card")
    final JsonElement card;

    EphemeralSend(String chatId, String openId, JsonElement card) {
      this.chatId = chatId;
      this.openId = openId;
      this.card = card;
    }
  }

  /** Body of ephemeral/v1/delete. */
  static final class EphemeralDelete {
    @SerializedName("message_id")
    final String messageId;

    EphemeralDelete(String messageId) {
      this.messageId = messageId;
    }
  }

  @Override
  public Future<String> sendEphemeral(String chatId, String openId, ObjectNode card) {
    EphemeralSend body = new EphemeralSend(chatId, openId, JsonParser.parseString(json(card)));
    return calls.raw("im.ephemeral.send",
            () -> client.post("/open-apis/ephemeral/v1/send", body, AccessTokenType.Tenant))
        .map(resp -> sent(new Content("interactive", ""), resp.path("data").path("message_id").asText()));
  }

  @Override
  public Future<Void> deleteEphemeral(String messageId) {
    EphemeralDelete body = new EphemeralDelete(messageId);
    return calls.raw("im.ephemeral.delete",
            () -> client.post("/open-apis/ephemeral/v1/delete", body, AccessTokenType.Tenant))
        .mapEmpty();
  }

  private record Content(String msgType, String json) {}

  private Content content(Reply reply) {
    if (reply instanceof Reply.Card card) {
      return new Content("interactive", json(card.card()));
    }
    return new Content("text", json(mapper.createObjectNode().put("text", ((Reply.Text) reply).asTextMessage())));
  }

  private String sent(Content c, String messageId) {
    metrics.counter("hirebot.messages.sent", "msg_type", c.msgType()).increment();
    return messageId;
  }

  private String json(ObjectNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("card not serializable", e);
    }
  }

  /** Feishu's uuid is at most 50 characters; a name-based UUID of the key fits and stays stable. */
  static String uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
