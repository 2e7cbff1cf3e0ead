package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import com.lark.oapi.Client;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Feishu's cards visible to one group member (ephemeral/v1/send, /delete), called through the real SDK. */
class EphemeralCardsTest {
  private static final String RECRUITER = "ou_recruiter_li";
  private static Vertx vertx;
  private static FeishuSandbox sandbox;
  private static Client client;

  /** The send body as the docs give it; a POJO, since the SDK's Gson cannot serialise a Map on JDK 17. */
  static final class Send {
    @SerializedName("chat_id")
    final String chatId;
    @SerializedName("open_id")
    final String openId;
    @SerializedName("msg_type")
    final String msgType = "interactive";
    @SerializedName("card")
    final JsonElement card;

    Send(String chatId, String openId, String card) {
      this.chatId = chatId;
      this.openId = openId;
      this.card = JsonParser.parseString(card);
    }
  }

  static final class Delete {
    @SerializedName("message_id")
    final String messageId;

    Delete(String messageId) {
      this.messageId = messageId;
    }
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
    client = SandboxTestSupport.sdk(sandbox);
  }

  @AfterAll
  static void stop() {
    await(sandbox.close());
    await(vertx.close());
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  private static JsonObject post(String path, Object body) throws Exception {
    RawResponse r = client.post(path, body, AccessTokenType.Tenant);
    return new JsonObject(new String(r.getBody(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a JSON 2.0 card is shown to one member of a group; a callback from it names the group; delete removes it")
  void sendAndDelete() throws Exception {
    JsonObject sent = post(EphemeralRoutes.SEND, new Send(ImState.DEMO_TEAM_CHAT, RECRUITER, SdkImFidelityTest.card("Form")));
    assertEquals(0, sent.getInteger("code"), sent.encode());
    String id = sent.getJsonObject("data").getString("message_id");
    EphemeralCard card = sandbox.im().ephemeralCards().get(0);
    assertEquals(id, card.messageId());
    assertEquals(RECRUITER, card.openId());
    assertTrue(sandbox.im().inChat(ImState.DEMO_TEAM_CHAT).isEmpty(), "not a message the group sees");
    assertEquals(ImState.DEMO_TEAM_CHAT, sandbox.im().chatOfMessage(id).orElseThrow());

    // Not an IM message: PATCH cannot update it.
    var patched = client.im().v1().message().patch(PatchMessageReq.newBuilder().messageId(id)
        .patchMessageReqBody(PatchMessageReqBody.newBuilder().content(SdkImFidelityTest.card("B")).build()).build());
    assertEquals(230001, patched.getCode());

    assertEquals(0, post(EphemeralRoutes.DELETE, new Delete(id)).getInteger("code"));
    assertTrue(sandbox.im().ephemeralCards().isEmpty());
    assertEquals(230001, post(EphemeralRoutes.DELETE, new Delete(id)).getInteger("code"), "deleted once");
  }

  @Test
  @DisplayName("refused: a p2p chat, a chat without the bot, per-component i18n_content, an invalid card")
  void refusals() throws Exception {
    String p2p = ImState.p2pChatId(RECRUITER);
    assertEquals(230001, post(EphemeralRoutes.SEND, new Send(p2p, RECRUITER, SdkImFidelityTest.card("F")))
        .getInteger("code"));
    assertEquals(230002, post(EphemeralRoutes.SEND, new Send("oc_elsewhere", RECRUITER, SdkImFidelityTest.card("F")))
        .getInteger("code"));
    JsonObject local = new JsonObject(SdkImFidelityTest.card("F"));
    local.getJsonObject("header").getJsonObject("title")
        .put("i18n_content", new JsonObject().put("zh_cn", "表单").put("en_us", "Form"));
    assertEquals(230099, post(EphemeralRoutes.SEND, new Send(ImState.DEMO_TEAM_CHAT, RECRUITER, local.encode()))
        .getInteger("code"));
    JsonObject oneZero = new JsonObject().put("elements", new io.vertx.core.json.JsonArray());
    assertEquals(230099, post(EphemeralRoutes.SEND, new Send(ImState.DEMO_TEAM_CHAT, RECRUITER, oneZero.encode()))
        .getInteger("code"), "a JSON 1.0 card fails the card checks as a send would");
    assertTrue(sandbox.im().ephemeralCards().isEmpty());
  }
}
