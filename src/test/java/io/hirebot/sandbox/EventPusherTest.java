package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.core.utils.Decryptor;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReq;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pushes reach a bot whose webhook is the real SDK dispatcher: signatures verify and envelopes decrypt. */
class EventPusherTest {

  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()).resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final Client client = fixture.sdk;
  private static final WebClient web = fixture.web;
  private static final Vertx vertx = fixture.vertx;

  private static SdkBotStub bot;

  @BeforeAll
  static void start() {
    bot = await(new SdkBotStub(vertx, sandbox.config()).start());
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
  }

  @AfterAll
  static void stop() {
    await(bot.close());
  }

  @BeforeEach
  void reset() {
    sandbox.events().retryPolicy(RetryPolicy.OFF);
    bot.messages.clear();
    bot.actions.clear();
    bot.stageChanges.clear();
    bot.nextStageChange = io.vertx.core.Promise.promise();
    bot.replier = null;
    bot.nextOfferChange = io.vertx.core.Promise.promise();
  }

  @Test
  @DisplayName("A group @-mention arrives at the SDK dispatcher with the bot in mentions")
  void groupMention() {
    PushResult r = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .text("show candidates for job Backend").mentioningBot()));
    assertEquals(200, r.status(), r.body());
    P2MessageReceiveV1 e = bot.messages.get(0);
    assertEquals(r.messageId(), e.getEvent().getMessage().getMessageId());
    assertEquals("{\"text\":\"@_user_1 show candidates for job Backend\"}", e.getEvent().getMessage().getContent());
    assertEquals("ou_hirebot", e.getEvent().getMessage().getMentions()[0].getId().getOpenId());
    assertEquals("group", e.getEvent().getMessage().getChatType());
    assertEquals("vt_sandbox", e.getHeader().getToken());
  }

  @Test
  @DisplayName("The encrypted envelope decrypts with the SDK Decryptor to the recorded plaintext")
  void decryptsWithSdk() throws Exception {
    PushResult r = await(sandbox.events().message(MessageSpec.p2p("ou_hm_zhang").text("jobs")));
    String plain = r.plaintext();
    String encrypted = io.hirebot.sandbox.push.EnvelopeCrypto.encrypt(SandboxConfig.DEFAULT_ENCRYPT_KEY, plain);
    assertEquals(plain, new Decryptor(SandboxConfig.DEFAULT_ENCRYPT_KEY).decrypt(encrypted));
    assertEquals(ImState.p2pChatId("ou_hm_zhang"), bot.messages.get(0).getEvent().getMessage().getChatId());
  }

  @Test
  @DisplayName("A forged signature is refused by the SDK (HTTP 500 from its dispatcher)")
  void forgedSignature() {
    PushResult r = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).text("x"), PushOptions.forged()));
    assertEquals(500, r.status());
    assertTrue(bot.messages.isEmpty());
  }

  @Test
  @DisplayName("url_verification is echoed by the SDK")
  void challenge() {
    PushResult r = await(sandbox.events().urlVerification("ch-123"));
    assertEquals("ch-123", r.jsonBody().getString("challenge"));
    assertTrue(r.violations().isEmpty(), r.violations().toString());
  }

  @Test
  @DisplayName("A duplicate push delivers the same event id and message id twice")
  void duplicate() {
    PushResult r = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).text("dup"), PushOptions.twice()));
    assertEquals(2, r.attempts());
    assertEquals(2, bot.messages.size());
    assertEquals(bot.messages.get(0).getHeader().getEventId(), bot.messages.get(1).getHeader().getEventId());
  }

  @Test
  @DisplayName("With a compressed retry policy, failed deliveries are re-pushed until one succeeds")
  void retries() {
    sandbox.events().retryPolicy(RetryPolicy.compressed(1000));
    bot.failNextEvents.set(2);
    PushResult r = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).text("retry me")));
    assertEquals(200, r.status());
    assertEquals(3, r.attempts());
    assertEquals(1, bot.messages.size());
  }

  @Test
  @DisplayName("A card callback's answer is validated and applied; its token allows two delayed updates after it")
  void cardActionAndDelayedUpdate() throws Exception {
    String messageId = client.im().v1().message().create(CreateMessageReq.newBuilder().receiveIdType("chat_id")
        .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(ImState.DEMO_TEAM_CHAT).msgType("interactive")
            .content(SdkImFidelityTest.card("v1")).build()).build()).getData().getMessageId();
    bot.cardResponse = "{\"toast\":{\"type\":\"success\",\"content\":\"moved\"},\"card\":{\"type\":\"raw\",\"data\":"
        + SdkImFidelityTest.card("v2") + "}}";
    PushResult r = await(sandbox.events().cardAction(CardActionSpec.on(messageId).by("ou_recruiter_li")
        .value(new JsonObject().put("action", "next").put("page", 2))));
    assertEquals(200, r.status());
    assertTrue(r.violations().isEmpty(), r.violations().toString());
    assertEquals(2.0, bot.actions.get(0).getEvent().getAction().getValue().get("page"));
    assertEquals("v2", title(sandbox.im().message(messageId).orElseThrow()));

    String cardToken = bot.actions.get(0).getEvent().getToken();
    String tenantToken = await(web.postAbs(sandbox.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal")
        .sendJsonObject(new JsonObject().put("app_id", sandbox.config().appId())
            .put("app_secret", sandbox.config().appSecret())))
        .bodyAsJsonObject().getString("tenant_access_token");
    JsonObject update = new JsonObject().put("token", cardToken).put("card", new JsonObject(SdkImFidelityTest.card("v3")));
    for (int i = 0; i < 2; i++) {
      JsonObject ok = delayedUpdate(tenantToken, update);
      assertEquals(0, ok.getInteger("code"), ok.encode());
    }
    assertEquals(300040, delayedUpdate(tenantToken, update).getInteger("code"));
    assertEquals("v3", title(sandbox.im().message(messageId).orElseThrow()));
  }

  @Test
  @DisplayName("Over 30 KB of card JSON: a callback answer is reported (200673) and not applied, a delayed update is "
      + "refused with 11311; at 30 KB both apply")
  void cardSizeInAnswersAndDelayedUpdates() throws Exception {
    String messageId = client.im().v1().message().create(CreateMessageReq.newBuilder().receiveIdType("chat_id")
        .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(ImState.DEMO_TEAM_CHAT).msgType("interactive")
            .content(SdkImFidelityTest.card("v1")).build()).build()).getData().getMessageId();
    String over = SdkImFidelityTest.cardOfBytes(30 * 1024 + 1);
    String atLimit = SdkImFidelityTest.cardOfBytes(30 * 1024);
    bot.cardResponse = "{\"card\":{\"type\":\"raw\",\"data\":" + over + "}}";
    PushResult refused = await(sandbox.events().cardAction(CardActionSpec.on(messageId).value(new JsonObject().put("a", 1))));
    assertEquals(1, refused.violations().size(), refused.violations().toString());
    assertTrue(refused.violations().get(0).startsWith("200673"), refused.violations().toString());
    assertEquals("v1", title(sandbox.im().message(messageId).orElseThrow()));

    bot.cardResponse = "{\"card\":{\"type\":\"raw\",\"data\":" + atLimit + "}}";
    PushResult applied = await(sandbox.events().cardAction(CardActionSpec.on(messageId).value(new JsonObject().put("a", 2))));
    assertTrue(applied.violations().isEmpty(), applied.violations().toString());
    assertEquals(atLimit.length(), sandbox.im().message(messageId).orElseThrow().currentContent().toString().length());

    String cardToken = bot.actions.get(1).getEvent().getToken();
    String tenantToken = await(web.postAbs(sandbox.baseUrl() + "/open-apis/auth/v3/tenant_access_token/internal")
        .sendJsonObject(new JsonObject().put("app_id", sandbox.config().appId())
            .put("app_secret", sandbox.config().appSecret())))
        .bodyAsJsonObject().getString("tenant_access_token");
    JsonObject tooBig = delayedUpdate(tenantToken, new JsonObject().put("token", cardToken).put("card", new JsonObject(over)));
    assertEquals(11311, tooBig.getInteger("code"), tooBig.encode());
    JsonObject fits = delayedUpdate(tenantToken, new JsonObject().put("token", cardToken)
        .put("card", new JsonObject(SdkImFidelityTest.card("v3"))));
    assertEquals(0, fits.getInteger("code"), fits.encode());
    assertEquals("v3", title(sandbox.im().message(messageId).orElseThrow()));
  }

  @Test
  @DisplayName("A 1.0 card in a callback answer is reported and not applied")
  void badCardAnswer() throws Exception {
    String messageId = client.im().v1().message().create(CreateMessageReq.newBuilder().receiveIdType("chat_id")
        .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(ImState.DEMO_TEAM_CHAT).msgType("interactive")
            .content(SdkImFidelityTest.card("v1")).build()).build()).getData().getMessageId();
    bot.cardResponse = "{\"toast\":{\"type\":\"loud\",\"content\":\"x\"},\"card\":{\"type\":\"raw\",\"data\":{\"elements\":[]}}}";
    PushResult r = await(sandbox.events().cardAction(CardActionSpec.on(messageId).value(new JsonObject().put("a", 1))));
    assertEquals(2, r.violations().size(), r.violations().toString());
    assertEquals("v1", title(sandbox.im().message(messageId).orElseThrow()));
  }

  @Test
  @DisplayName("transfer_stage pushes hire.application.stage_changed_v1 to the bot")
  void stageChangedEvent() throws Exception {
    var app = sandbox.hire().applications().stream().filter(a -> a.active()).findFirst().orElseThrow();
    Stage target = sandbox.hire().stagesOf(app.jobId()).stream()
        .filter(s -> s.type() == Stage.WRITTEN_TEST && !s.id().equals(app.stageId())).findFirst().orElseThrow();
    assertTrue(client.hire().v1().application().transferStage(TransferStageApplicationReq.newBuilder().applicationId(app.id())
        .transferStageApplicationReqBody(TransferStageApplicationReqBody.newBuilder().stageId(target.id()).build()).build())
        .success());
    var event = await(bot.nextStageChange.future());
    assertEquals(app.id(), event.getEvent().getApplicationId());
    assertEquals(target.id(), event.getEvent().getTargetStageId());
    assertFalse(event.getEvent().getOriginStageId().isEmpty());
  }

  private JsonObject delayedUpdate(String tenantToken, JsonObject body) {
    return await(web.postAbs(sandbox.baseUrl() + "/open-apis/interactive/v1/card/update")
        .putHeader("Authorization", "Bearer " + tenantToken).sendJsonObject(body)).bodyAsJsonObject();
  }

  private static String title(SentMessage m) {
    return m.currentContent().path("header").path("title").path("content").asText();
  }

  @Test
  @DisplayName("POST /sandbox/say pushes a group mention and answers with the bot's reply")
  void trySay() {
    bot.replier = client;
    var resp = await(web.postAbs(sandbox.baseUrl() + "/sandbox/say")
        .sendJsonObject(new JsonObject().put("text", "jobs").put("chat", "group")));
    assertEquals(200, resp.statusCode(), resp.bodyAsString());
    JsonObject reply = resp.bodyAsJsonObject().getJsonObject("reply");
    assertEquals("text", reply.getString("msg_type"));
    assertTrue(reply.getJsonObject("content").getString("text").contains("@_user_1 jobs"));
  }

  @Test
  @DisplayName("A post message carries the bot as an 'at' element; botAdded puts the bot in the new chat")
  void postAndBotAdded() {
    PushResult post = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).text("jobs").mentioningBot().asPost()));
    assertEquals(200, post.status());
    var message = bot.messages.get(0).getEvent().getMessage();
    assertEquals("post", message.getMessageType());
    JsonObject content = new JsonObject(message.getContent());
    assertEquals("@_user_1", content.getJsonArray("content").getJsonArray(0).getJsonObject(0).getString("user_id"));
    assertEquals(" jobs", content.getJsonArray("content").getJsonArray(0).getJsonObject(1).getString("text"));

    PushResult added = await(sandbox.events().botAdded("oc_new_group", "ou_admin_zhou"));
    assertEquals(200, added.status());
    assertTrue(sandbox.im().chat("oc_new_group").isPresent());
  }

  @Test
  @DisplayName("offer_status via the SDK changes the offer and pushes hire.offer.status_changed_v1")
  void offerStatus() throws Exception {
    var offer = sandbox.hire().offers().stream().filter(o -> o.status() != 6 && o.status() != 7
        && sandbox.hire().application(o.applicationId()).orElseThrow().active()
        && sandbox.hire().stagesOf(o.jobId()).stream().anyMatch(s -> s.type() == Stage.OFFER
            && s.id().equals(sandbox.hire().application(o.applicationId()).orElseThrow().stageId())))
        .findFirst().orElseThrow();
    var resp = client.hire().v1().offer().offerStatus(com.lark.oapi.service.hire.v1.model.OfferStatusOfferReq.newBuilder()
        .offerId(offer.id()).offerStatusOfferReqBody(com.lark.oapi.service.hire.v1.model.OfferStatusOfferReqBody.newBuilder()
            .offerStatus(6).expirationDate("2026-12-31").build()).build());
    assertTrue(resp.success(), resp.getMsg());
    var event = await(bot.nextOfferChange.future());
    assertEquals(offer.id(), event.getEvent().getOfferId());
    assertEquals(6, event.getEvent().getOfferStatus());
    var get = client.hire().v1().offer().get(com.lark.oapi.service.hire.v1.model.GetOfferReq.newBuilder().offerId(offer.id()).build());
    assertEquals(6, get.getData().getOffer().getOfferStatus());
  }

  @Test
  @DisplayName("Changes made by test mutators (as in the Hire UI) fire the same Hire events")
  void mutatorEvents() {
    var app = sandbox.hire().applications().stream().filter(a -> a.active()).findFirst().orElseThrow();
    Stage other = sandbox.hire().stagesOf(app.jobId()).stream().filter(s -> !s.id().equals(app.stageId()))
        .findFirst().orElseThrow();
    sandbox.hire().moveApplication(app.id(), other.id());
    assertEquals(other.id(), await(bot.nextStageChange.future()).getEvent().getTargetStageId());
    var offer = sandbox.hire().offers().get(0);
    sandbox.hire().setOfferStatus(offer.id(), 9);
    assertEquals(9, await(bot.nextOfferChange.future()).getEvent().getOfferStatus());
  }

  @Test
  @DisplayName("The v1 p2p_chat_create event reaches the SDK's P1 handler and opens the p2p chat")
  void p2pChatCreated() {
    PushResult r = await(sandbox.events().p2pChatCreated("ou_newbie", "新同事"));
    assertEquals(200, r.status(), r.body());
    var event = await(bot.nextP2pCreated.future());
    assertEquals("ou_newbie", event.getEvent().getUser().getOpenId());
    assertEquals(ImState.p2pChatId("ou_newbie"), event.getEvent().getChatId());
    assertTrue(sandbox.im().chat(ImState.p2pChatId("ou_newbie")).isPresent());
  }
}
