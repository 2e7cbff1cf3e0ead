package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** The "try it" API for scripts: POST /sandbox/say pushes a message to the bot and waits for its reply. */
final class TryItRoutes {

  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
  private static final String DEFAULT_USER = "ou_recruiter_li";

  private final SandboxConfig config;
  private final EventPusher events;
  private final ImState im;

  TryItRoutes(SandboxConfig config, EventPusher events, ImState im) {
    this.config = config;
    this.events = events;
    this.im = im;
  }

  void install(Router router) {
    router.post("/sandbox/say").handler(this::say);
  }

  /** The request's JSON object, or null when the body is missing or not an object. */
  static JsonObject bodyOrNull(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void say(RoutingContext ctx) {
    JsonObject body = bodyOrNull(ctx);
    if (body == null || body.getString("text", "").isBlank()) {
      ApiReply.json(ctx, 400, error("send {\"text\":\"…\",\"chat\":\"group|p2p\",\"user\":\"ou_…\"}"));
      return;
    }
    if (!events.canDeliverEvents()) {
      ApiReply.json(ctx, 409, error("the bot's webhook URLs are not set (FeishuSandbox.botUrls)"));
      return;
    }
    String user = body.getString("user", DEFAULT_USER);
    MessageSpec spec = "p2p".equals(body.getString("chat")) ? MessageSpec.p2p(user)
        : MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(user).mentioningBot();
    spec.text(body.getString("text"));
    Set<String> before = im.messages().stream().map(SentMessage::messageId).collect(Collectors.toSet());
    events.message(spec).compose(pushed -> {
      if (!pushed.delivered()) {
        return Future.failedFuture(new IllegalStateException(
            "the bot answered HTTP " + pushed.status() + " to the event: " + pushed.body()));
      }
      return im.awaitMessage(m -> pushed.messageId().equals(m.parentId())
          || m.chatId().equals(spec.chatId()) && !before.contains(m.messageId()), REPLY_TIMEOUT);
    }).onSuccess(reply -> ApiReply.json(ctx, 200, new JsonObject().put("reply", new JsonObject()
            .put("message_id", reply.messageId()).put("msg_type", reply.msgType())
            .put("content", JsonSupport.toVertx(reply.currentContent())))))
        .onFailure(err -> ApiReply.json(ctx, err instanceof java.util.concurrent.TimeoutException ? 504 : 502,
            error(err instanceof java.util.concurrent.TimeoutException
                ? "the bot did not reply within " + REPLY_TIMEOUT.toSeconds() + " s" : err.getMessage())));
  }

  private JsonObject error(String message) {
    return new JsonObject().put("error", message).put("bot", config.botName());
  }
}
