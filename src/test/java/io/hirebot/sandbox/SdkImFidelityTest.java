package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListJobResp;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import com.lark.oapi.service.im.v1.model.PatchMessageResp;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageResp;
import com.google.gson.JsonParser;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.token.AccessTokenType;
import java.nio.charset.StandardCharsets;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real SDK's IM calls (and its raw post of the ephemeral-card calls) against the sandbox: recorded, validated
 * and limited like Feishu.
 */
class SdkImFidelityTest {

  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()).resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final Client client = fixture.sdk;
  private static final Vertx vertx = fixture.vertx;

  static String card(String title) {
    return new JsonObject().put("schema", "2.0").put("config", new JsonObject().put("update_multi", true))
        .put("header", new JsonObject().put("title", new JsonObject().put("tag", "plain_text").put("content", title)))
        .put("body", new JsonObject().put("elements", new JsonArray()
            .add(new JsonObject().put("tag", "markdown").put("content", "**" + title + "**"))
            .add(new JsonObject().put("tag", "button").put("text", new JsonObject().put("tag", "plain_text").put("content", "Next"))
                .put("behaviors", new JsonArray().add(new JsonObject().put("type", "callback")
                    .put("value", new JsonObject().put("action", "next"))))))).encode();
  }

  private CreateMessageResp send(String chatId, String msgType, String content, String uuid) throws Exception {
    return client.im().v1().message().create(CreateMessageReq.newBuilder().receiveIdType("chat_id")
        .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(chatId).msgType(msgType).content(content)
            .uuid(uuid).build()).build());
  }

  @Test
  @DisplayName("A text send is recorded and answered with Feishu's message data")
  void sendText() throws Exception {
    CreateMessageResp resp = send(ImState.DEMO_TEAM_CHAT, "text", "{\"text\":\"hello\"}", null);
    assertTrue(resp.success(), resp.getMsg());
    assertTrue(resp.getData().getMessageId().startsWith("om_"));
    assertEquals(sandbox.config().appId(), resp.getData().getSender().getId());
    assertEquals("app", resp.getData().getSender().getSenderType());
    SentMessage m = sandbox.im().inChat(ImState.DEMO_TEAM_CHAT).get(0);
    assertEquals("hello", m.text());
    assertNotNull(resp.getRequestId());
  }

  @Test
  @DisplayName("Sending to an open_id opens the user's p2p chat")
  void sendToOpenId() throws Exception {
    CreateMessageResp resp = client.im().v1().message().create(CreateMessageReq.newBuilder().receiveIdType("open_id")
        .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId("ou_new_user").msgType("text")
            .content("{\"text\":\"hi\"}").build()).build());
    assertTrue(resp.success(), resp.getMsg());
    assertEquals(ImState.p2pChatId("ou_new_user"), resp.getData().getChatId());
  }

  @Test
  @DisplayName("A chat without the bot gives 230002; bad content gives 230001")
  void refusals() throws Exception {
    assertEquals(230002, send("oc_unknown", "text", "{\"text\":\"x\"}", null).getCode());
    assertEquals(230001, send(ImState.DEMO_TEAM_CHAT, "text", "not json", null).getCode());
    assertEquals(230001, send(ImState.DEMO_TEAM_CHAT, "bogus", "{\"text\":\"x\"}", null).getCode());
  }

  @Test
  @DisplayName("Cards: 2.0 accepted; 1.0, unknown tags, string callback values, oversize and >200 components refused")
  void cards() throws Exception {
    assertTrue(send(ImState.DEMO_TEAM_CHAT, "interactive", card("ok"), null).success());
    String v1 = "{\"config\":{\"wide_screen_mode\":true},\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\",\"content\":\"x\"}}]}";
    CreateMessageResp r1 = send(ImState.DEMO_TEAM_CHAT, "interactive", v1, null);
    assertEquals(230099, r1.getCode());
    String action = "{\"schema\":\"2.0\",\"body\":{\"elements\":[{\"tag\":\"action\",\"actions\":[]}]}}";
    assertEquals(230099, send(ImState.DEMO_TEAM_CHAT, "interactive", action, null).getCode());
    String stringValue = "{\"schema\":\"2.0\",\"body\":{\"elements\":[{\"tag\":\"button\",\"behaviors\":[{\"type\":\"callback\",\"value\":\"x\"}]}]}}";
    assertEquals(230099, send(ImState.DEMO_TEAM_CHAT, "interactive", stringValue, null).getCode());
    JsonArray many = new JsonArray();
    for (int i = 0; i < 201; i++) {
      many.add(new JsonObject().put("tag", "hr"));
    }
    String tooMany = new JsonObject().put("schema", "2.0").put("body", new JsonObject().put("elements", many)).encode();
    CreateMessageResp r2 = send(ImState.DEMO_TEAM_CHAT, "interactive", tooMany, null);
    assertEquals(230099, r2.getCode());
    assertTrue(r2.getMsg().contains("11310"), r2.getMsg());
    String big = new JsonObject().put("schema", "2.0").put("body", new JsonObject().put("elements", new JsonArray()
        .add(new JsonObject().put("tag", "markdown").put("content", "x".repeat(31 * 1024))))).encode();
    assertEquals(230025, send(ImState.DEMO_TEAM_CHAT, "interactive", big, null).getCode());
    assertEquals(1, sandbox.im().messages().size());
  }

  /**
   * A card whose JSON (the {@code content} string) is exactly {@code bytes} long, padded with quotes: each is 2 bytes of
   * card JSON and 4 of request body once the card is a JSON string inside the body.
   */
  static String cardOfBytes(int bytes) {
    java.util.function.Function<String, String> card = text -> new JsonObject().put("schema", "2.0")
        .put("config", new JsonObject().put("update_multi", true)).put("body", new JsonObject().put("elements",
            new JsonArray().add(new JsonObject().put("tag", "markdown").put("content", text)))).encode();
    int base = card.apply("").getBytes(StandardCharsets.UTF_8).length;
    String text = "\"".repeat((bytes - base) / 2) + "x".repeat((bytes - base) % 2);
    String json = card.apply(text);
    assertEquals(bytes, json.getBytes(StandardCharsets.UTF_8).length);
    return json;
  }

  @Test
  @DisplayName("The 30 KB limit counts the card JSON (content), not the request body it is escaped into: 30 720 B is "
      + "sent, replied and PATCHed; one byte more is 230025 on each")
  void cardSizeCountsTheContent() throws Exception {
    String atLimit = cardOfBytes(30 * 1024);
    String over = cardOfBytes(30 * 1024 + 1);
    CreateMessageResp sent = send(ImState.DEMO_TEAM_CHAT, "interactive", atLimit, null);
    assertTrue(sent.success(), sent.getMsg());
    String id = sent.getData().getMessageId();
    assertEquals(230025, send(ImState.DEMO_TEAM_CHAT, "interactive", over, null).getCode());

    ReplyMessageResp replied = client.im().v1().message().reply(ReplyMessageReq.newBuilder().messageId(id)
        .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("interactive").content(atLimit).build()).build());
    assertTrue(replied.success(), replied.getMsg());
    assertEquals(230025, client.im().v1().message().reply(ReplyMessageReq.newBuilder().messageId(id)
        .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("interactive").content(over).build()).build())
        .getCode());

    PatchMessageResp patched = client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(atLimit).build()).build());
    assertTrue(patched.success(), patched.getMsg());
    assertEquals(230025, client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(over).build()).build()).getCode());
    // The body the SDK sent for the card at the limit was well over 30 KB.
    RecordedRequest first = sandbox.requests().all().stream().filter(r -> r.path().equals("/open-apis/im/v1/messages"))
        .findFirst().orElseThrow();
    assertTrue(first.body().getBytes(StandardCharsets.UTF_8).length > 50 * 1024, "body of " + first.body().length());
  }

  /**
   * 70 buttons with a confirm dialog: 70 body components, but 280 elements as Feishu counts them (each
   * button, its plain_text, the confirm's title and text).
   */
  static String cardOverElementLimit() {
    JsonArray buttons = new JsonArray();
    for (int i = 0; i < 70; i++) {
      buttons.add(new JsonObject().put("tag", "button")
          .put("text", new JsonObject().put("tag", "plain_text").put("content", "B" + i))
          .put("confirm", new JsonObject().put("title", new JsonObject().put("tag", "plain_text").put("content", "Sure?"))
              .put("text", new JsonObject().put("tag", "plain_text").put("content", "Really")))
          .put("behaviors", new JsonArray().add(new JsonObject().put("type", "callback")
              .put("value", new JsonObject().put("i", i)))));
    }
    return new JsonObject().put("schema", "2.0").put("body", new JsonObject().put("elements", buttons)).encode();
  }

  @Test
  @DisplayName("A card of 70 components but 280 tagged elements is refused on send, reply and PATCH (230099 / 11310)")
  void elementLimitCountsNestedTexts() throws Exception {
    String tooMany = cardOverElementLimit();
    CreateMessageResp sent = send(ImState.DEMO_TEAM_CHAT, "interactive", tooMany, null);
    assertEquals(230099, sent.getCode());
    assertTrue(sent.getMsg().contains("11310") && sent.getMsg().contains("280 elements"), sent.getMsg());

    String parent = "om_user_message_limit";
    sandbox.im().recordInbound(parent, ImState.DEMO_TEAM_CHAT);
    ReplyMessageResp reply = client.im().v1().message().reply(ReplyMessageReq.newBuilder().messageId(parent)
        .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("interactive").content(tooMany).build()).build());
    assertEquals(230099, reply.getCode(), reply.getMsg());

    ReplyMessageResp ok = client.im().v1().message().reply(ReplyMessageReq.newBuilder().messageId(parent)
        .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("interactive").content(card("v1")).build()).build());
    assertTrue(ok.success(), ok.getMsg());
    PatchMessageResp patch = client.im().v1().message().patch(PatchMessageReq.newBuilder()
        .messageId(ok.getData().getMessageId())
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(tooMany).build()).build());
    assertEquals(230099, patch.getCode(), patch.getMsg());
    assertEquals("v1", sandbox.im().message(ok.getData().getMessageId()).orElseThrow().currentContent()
        .path("header").path("title").path("content").asText(), "the refused PATCH changed nothing");
  }

  @Test
  @DisplayName("Reply to a pushed user message is recorded with parent_id; PATCH updates the stored card")
  void replyAndPatch() throws Exception {
    String parent = "om_user_message_1";
    sandbox.im().recordInbound(parent, ImState.DEMO_TEAM_CHAT);
    ReplyMessageResp reply = client.im().v1().message().reply(ReplyMessageReq.newBuilder().messageId(parent)
        .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("interactive").content(card("v1")).build()).build());
    assertTrue(reply.success(), reply.getMsg());
    String id = reply.getData().getMessageId();
    assertEquals(parent, sandbox.im().message(id).orElseThrow().parentId());

    PatchMessageResp patch = client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(card("v2")).build()).build());
    assertTrue(patch.success(), patch.getMsg());
    SentMessage m = await(sandbox.im().awaitMessage(s -> s.messageId().equals(id) && !s.updates().isEmpty(), Duration.ofSeconds(2)));
    assertEquals("v2", m.currentContent().path("header").path("title").path("content").asText());
    PatchMessageResp toV1 = client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content("{\"elements\":[]}").build()).build());
    assertEquals(230099, toV1.getCode());
  }

  @Test
  @DisplayName("The same uuid within an hour returns the original message and sends nothing new")
  void uuidDedup() throws Exception {
    CreateMessageResp a = send(ImState.DEMO_TEAM_CHAT, "text", "{\"text\":\"once\"}", "u-1");
    CreateMessageResp b = send(ImState.DEMO_TEAM_CHAT, "text", "{\"text\":\"once\"}", "u-1");
    assertEquals(a.getData().getMessageId(), b.getData().getMessageId());
    assertEquals(1, sandbox.im().messages().size());
  }

  @Test
  @DisplayName("failNext surfaces code, msg and X-Tt-Logid through the SDK once")
  void failNext() throws Exception {
    sandbox.faults().failNext("GET", "/open-apis/hire/v1/jobs", 500, 1002001, "system error");
    ListJobResp failed = client.hire().v1().job().list(ListJobReq.newBuilder().build());
    assertEquals(1002001, failed.getCode());
    assertEquals("system error", failed.getMsg());
    String logId = failed.getRequestId();
    assertNotNull(logId);
    assertEquals(logId, failed.getError().getLogId());
    RecordedRequest recorded = sandbox.requests().matching("GET", "/open-apis/hire/v1/jobs").get(0);
    assertEquals(logId, recorded.logId());
    assertEquals(500, recorded.status());
    ListJobResp next = client.hire().v1().job().list(ListJobReq.newBuilder().build());
    assertTrue(next.success());
    assertNotEquals(logId, next.getRequestId());
  }

  @Test
  @DisplayName("Latency injection delays Hire calls without blocking the sandbox")
  void latency() throws Exception {
    sandbox.faults().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertTrue(client.hire().v1().job().list(ListJobReq.newBuilder().build()).success());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    assertTrue(send(ImState.DEMO_TEAM_CHAT, "text", "{\"text\":\"fast\"}", null).success());
  }

  // Cards visible to one group member (ephemeral/v1/send, /delete): no typed SDK method, so the SDK's raw post.
  private static final String EPHEMERAL_VIEWER = "ou_recruiter_li";

  /** The send body as the docs give it. */
  private static com.google.gson.JsonObject send(String chatId, String openId, String card) {
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.addProperty("chat_id", chatId);
    body.addProperty("open_id", openId);
    body.addProperty("msg_type", "interactive");
    body.add("card", JsonParser.parseString(card));
    return body;
  }

  private static com.google.gson.JsonObject delete(String messageId) {
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.addProperty("message_id", messageId);
    return body;
  }

  private static JsonObject post(String path, Object body) throws Exception {
    RawResponse r = client.post(path, body, AccessTokenType.Tenant);
    return new JsonObject(new String(r.getBody(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a JSON 2.0 card is shown to one member of a group; a callback from it names the group; delete removes it")
  void ephemeralSendAndDelete() throws Exception {
    JsonObject sent = post(EphemeralRoutes.SEND, send(ImState.DEMO_TEAM_CHAT, EPHEMERAL_VIEWER, SdkImFidelityTest.card("Form")));
    assertEquals(0, sent.getInteger("code"), sent.encode());
    String id = sent.getJsonObject("data").getString("message_id");
    EphemeralCard card = sandbox.im().ephemeralCards().get(0);
    assertEquals(id, card.messageId());
    assertEquals(EPHEMERAL_VIEWER, card.openId());
    assertTrue(sandbox.im().inChat(ImState.DEMO_TEAM_CHAT).isEmpty(), "not a message the group sees");
    assertEquals(ImState.DEMO_TEAM_CHAT, sandbox.im().chatOfMessage(id).orElseThrow());

    // Not an IM message: PATCH cannot update it.
    var patched = client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(SdkImFidelityTest.card("B")).build()).build());
    assertEquals(230001, patched.getCode());

    assertEquals(0, post(EphemeralRoutes.DELETE, delete(id)).getInteger("code"));
    assertTrue(sandbox.im().ephemeralCards().isEmpty());
    assertEquals(230001, post(EphemeralRoutes.DELETE, delete(id)).getInteger("code"), "deleted once");
  }

  @Test
  @DisplayName("refused: a p2p chat, a chat without the bot, per-component i18n_content, an invalid card")
  void ephemeralRefusals() throws Exception {
    String p2p = ImState.p2pChatId(EPHEMERAL_VIEWER);
    assertEquals(230001, post(EphemeralRoutes.SEND, send(p2p, EPHEMERAL_VIEWER, SdkImFidelityTest.card("F")))
        .getInteger("code"));
    assertEquals(230002, post(EphemeralRoutes.SEND, send("oc_elsewhere", EPHEMERAL_VIEWER, SdkImFidelityTest.card("F")))
        .getInteger("code"));
    JsonObject local = new JsonObject(SdkImFidelityTest.card("F"));
    local.getJsonObject("header").getJsonObject("title")
        .put("i18n_content", new JsonObject().put("zh_cn", "表单").put("en_us", "Form"));
    assertEquals(230099, post(EphemeralRoutes.SEND, send(ImState.DEMO_TEAM_CHAT, EPHEMERAL_VIEWER, local.encode()))
        .getInteger("code"));
    JsonObject oneZero = new JsonObject().put("elements", new io.vertx.core.json.JsonArray());
    assertEquals(230099, post(EphemeralRoutes.SEND, send(ImState.DEMO_TEAM_CHAT, EPHEMERAL_VIEWER, oneZero.encode()))
        .getInteger("code"), "a JSON 1.0 card fails the card checks as a send would");
    assertTrue(sandbox.im().ephemeralCards().isEmpty());
  }
}
