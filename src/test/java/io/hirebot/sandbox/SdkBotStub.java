package io.hirebot.sandbox;

import com.google.gson.Gson;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.hire.HireService;
import com.lark.oapi.service.hire.v1.model.P2ApplicationStageChangedV1;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in bot whose webhook is the real SDK EventDispatcher: if it accepts a push, the push is signed and
 * encrypted exactly as the SDK expects. Records what it received; can fail the first N event deliveries.
 */
final class SdkBotStub {

  final List<P2MessageReceiveV1> messages = new CopyOnWriteArrayList<>();
  final List<P2CardActionTrigger> actions = new CopyOnWriteArrayList<>();
  final List<P2ApplicationStageChangedV1> stageChanges = new CopyOnWriteArrayList<>();
  final AtomicInteger failNextEvents = new AtomicInteger();
  /** Completes with the next stage-change event the bot receives. */
  volatile io.vertx.core.Promise<P2ApplicationStageChangedV1> nextStageChange = io.vertx.core.Promise.promise();
  /** When set, the bot replies "echo: <content>" to every message through this SDK client. */
  volatile com.lark.oapi.Client replier;
  volatile io.vertx.core.Promise<com.lark.oapi.service.hire.v1.model.P2OfferStatusChangedV1> nextOfferChange =
      io.vertx.core.Promise.promise();
  volatile io.vertx.core.Promise<com.lark.oapi.service.im.v1.model.P1P2PChatCreatedV1> nextP2pCreated =
      io.vertx.core.Promise.promise();
  volatile String cardResponse = "{\"toast\":{\"type\":\"success\",\"content\":\"done\"}}";
  private final EventDispatcher dispatcher;
  private final Vertx vertx;
  private HttpServer server;

  SdkBotStub(Vertx vertx, SandboxConfig config) {
    this.vertx = vertx;
    this.dispatcher = EventDispatcher.newBuilder(config.verificationToken(), config.encrypted() ? config.encryptKey() : "")
        .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
          @Override
          public void handle(P2MessageReceiveV1 event) throws Exception {
            messages.add(event);
            com.lark.oapi.Client c = replier;
            if (c != null) {
              c.im().v1().message().reply(com.lark.oapi.service.im.v1.model.ReplyMessageReq.newBuilder()
                  .messageId(event.getEvent().getMessage().getMessageId())
                  .replyMessageReqBody(com.lark.oapi.service.im.v1.model.ReplyMessageReqBody.newBuilder().msgType("text")
                      .content(new io.vertx.core.json.JsonObject().put("text", "echo: " + event.getEvent().getMessage().getContent()).encode())
                      .build()).build());
            }
          }
        })
        .onP2ApplicationStageChangedV1(new HireService.P2ApplicationStageChangedV1Handler() {
          @Override
          public void handle(P2ApplicationStageChangedV1 event) {
            stageChanges.add(event);
            nextStageChange.tryComplete(event);
          }
        })
        .onP2OfferStatusChangedV1(new HireService.P2OfferStatusChangedV1Handler() {
          @Override
          public void handle(com.lark.oapi.service.hire.v1.model.P2OfferStatusChangedV1 event) {
            nextOfferChange.tryComplete(event);
          }
        })
        .onP1P2PChatCreatedV1(new ImService.P1P2PChatCreatedV1Handler() {
          @Override
          public void handle(com.lark.oapi.service.im.v1.model.P1P2PChatCreatedV1 event) {
            nextP2pCreated.tryComplete(event);
          }
        })
        .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
          @Override
          public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
            actions.add(event);
            return new Gson().fromJson(cardResponse, P2CardActionTriggerResponse.class);
          }
        })
        .build();
  }

  Future<SdkBotStub> start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.post("/webhook/event").handler(this::handle);
    router.post("/webhook/card").handler(this::handle);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(RoutingContext ctx) {
    if (ctx.request().path().endsWith("/event") && failNextEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ctx.response().setStatusCode(500).end("{\"msg\":\"scripted failure\"}");
      return;
    }
    EventReq req = new EventReq();
    req.setBody(ctx.body().buffer().getBytes());
    req.setHttpPath(ctx.request().path());
    Map<String, List<String>> headers = new java.util.HashMap<>();
    ctx.request().headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
        k -> new java.util.ArrayList<>()).add(e.getValue()));
    req.setHeaders(headers);
    vertx.executeBlocking(() -> {
      try {
        return dispatcher.handle(req);
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }).onSuccess(resp -> write(ctx, resp)).onFailure(ctx::fail);
  }

  private static void write(RoutingContext ctx, EventResp resp) {
    ctx.response().setStatusCode(resp.getStatusCode()).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Buffer.buffer(resp.getBody() == null ? new byte[0] : resp.getBody()));
  }

}
