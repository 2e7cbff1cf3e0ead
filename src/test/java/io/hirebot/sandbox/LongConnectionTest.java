package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.pb.Pbbp2;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real SDK long-connection client connects to the sandbox gateway and receives events and callbacks. */
class LongConnectionTest {

  private static Vertx vertx;
  private static FeishuSandbox sandbox;
  private static final Promise<P2MessageReceiveV1> MESSAGE = Promise.promise();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
    EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
        .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
          @Override
          public void handle(P2MessageReceiveV1 event) {
            MESSAGE.tryComplete(event);
          }
        })
        .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
          @Override
          public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
            return new Gson().fromJson("{\"toast\":{\"type\":\"info\",\"content\":\"ws ok\"},\"card\":{\"type\":\"raw\",\"data\":"
                + SdkImFidelityTest.card("via ws") + "}}", P2CardActionTriggerResponse.class);
          }
        })
        .build();
    new com.lark.oapi.ws.Client.Builder(sandbox.config().appId(), sandbox.config().appSecret()).domain(sandbox.baseUrl()).eventHandler(dispatcher)
        .autoReconnect(false).build().start();
    await(sandbox.awaitLongConnection(Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    await(sandbox.close());
    await(vertx.close());
  }

  @Test
  @DisplayName("A message event reaches the SDK handler over the long connection and is ACKed with 200")
  void event() {
    PushResult r = await(sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).mentioningBot().text("jobs")));
    assertEquals(200, r.status(), r.body());
    assertEquals(r.messageId(), await(MESSAGE.future()).getEvent().getMessage().getMessageId());
  }

  @Test
  @DisplayName("A card callback's answer comes back base64 in the ACK and is applied to the message")
  void callback() {
    SentMessage card = new SentMessage("om_ws_card", ImState.DEMO_TEAM_CHAT, "interactive",
        JsonSupport.parse(SdkImFidelityTest.card("before")), null, null, null, null, sandbox.config().clock().instant(),
        java.util.List.of());
    sandbox.im().store(card);
    PushResult r = await(sandbox.events().cardAction(CardActionSpec.on("om_ws_card").value(new JsonObject().put("a", 1))));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.violations().isEmpty(), r.violations().toString());
    assertEquals("via ws", sandbox.im().message("om_ws_card").orElseThrow().currentContent()
        .path("header").path("title").path("content").asText());
  }

  @Test
  @DisplayName("The hand-written frame codec agrees with the SDK's protobuf classes both ways")
  void codec() throws Exception {
    WsFrame ours = new WsFrame(7, 9, 1, WsFrame.DATA, Map.of("type", "event", "message_id", "m1"),
        "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    Pbbp2.Frame parsed = Pbbp2.Frame.parseFrom(ours.encode());
    assertEquals(7, parsed.getSeqID());
    assertEquals(1, parsed.getMethod());
    assertEquals("{\"x\":1}", parsed.getPayload().toStringUtf8());
    WsFrame back = WsFrame.decode(parsed.toBuilder().addHeaders(Pbbp2.Header.newBuilder().setKey("biz_rt").setValue("3"))
        .build().toByteArray());
    assertEquals("3", back.header("biz_rt"));
    assertEquals("m1", back.header("message_id"));
    assertEquals(9, back.logId());
  }
}
