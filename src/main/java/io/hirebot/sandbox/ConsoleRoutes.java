package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.hire.HireUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox console: a Feishu-like web client at {@code GET /sandbox} (static files under
 * {@code resources/sandbox/console}, no build step) and its JSON API: the persona's chats and messages, a live
 * stream of changes (server-sent events), sending a message and clicking a card. Every message and click goes
 * through {@link EventPusher} as the signed event Feishu would push; 404 until {@link Console#enable()}.
 */
final class ConsoleRoutes {

  static final String BASE = "/sandbox/console";
  /** Feishu's text messages may be long; the console's box need not be. */
  static final int MAX_TEXT = 4000;
  static final long HEARTBEAT_MILLIS = 15_000;
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
  /** The stream's item saying Hire's data changed (console.js reloads its Hire panel). */
  static final String HIRE_CHANGED = "{\"kind\":\"hire_changed\"}";

  private final Vertx vertx;
  private final SandboxConfig config;
  private final Console console;
  private final EventPusher events;
  private final ImState im;
  private final HireTenant hire;

  ConsoleRoutes(Vertx vertx, SandboxConfig config, Console console, EventPusher events, ImState im, HireTenant hire) {
    this.vertx = vertx;
    this.config = config;
    this.console = console;
    this.events = events;
    this.im = im;
    this.hire = hire;
  }

  void install(Router router) {
    router.route("/sandbox").handler(this::onlyWhenEnabled);
    router.route(BASE + "/*").handler(this::onlyWhenEnabled);
    router.get("/sandbox").handler(ctx -> ctx.reroute(BASE + "/index.html"));
    router.get(BASE + "/api/state").handler(this::state);
    router.get(BASE + "/api/events").handler(this::stream);
    router.post(BASE + "/api/say").handler(this::say);
    router.post(BASE + "/api/action").handler(this::action);
    new ConsoleHireRoutes(hire, console, config.clock()).install(router);
    router.get(BASE + "/*").handler(StaticHandler.create("sandbox/console").setCachingEnabled(false));
  }

  private void onlyWhenEnabled(RoutingContext ctx) {
    if (console.enabled()) {
      ctx.next();
    } else {
      ApiReply.json(ctx, 404, error("the console is served only when the bot runs in sandbox mode"));
    }
  }

  private void state(RoutingContext ctx) {
    persona(ctx, ctx.request().getParam("persona")).ifPresent(p -> {
      JsonArray chats = new JsonArray();
      im.chats().stream().filter(p::sees).forEach(c -> chats.add(chat(c)));
      if (im.chat(p.p2pChatId()).isEmpty()) {
        chats.add(chat(Chat.p2p(p.p2pChatId(), p.openId())));
      }
      JsonArray personas = new JsonArray();
      ConsolePersona.ALL.forEach(x -> personas.add(new JsonObject().put("role", x.role()).put("open_id", x.openId())
          .put("locale", x.locale())));
      JsonObject people = new JsonObject().put(config.botOpenId(), new JsonObject().put("zh_cn", config.botName())
          .put("en_us", config.botName()));
      for (HireUser u : hire.users()) {
        people.put(u.openId(), new JsonObject().put("zh_cn", u.name()).put("en_us", u.enName()));
      }
      ApiReply.json(ctx, 200, new JsonObject().put("persona", p.openId()).put("personas", personas)
          .put("chats", chats).put("people", people).put("bot", config.botName())
          .put("clock", console.shiftedClock() != null).put("items", ConsoleView.items(im, p)));
    });
  }

  private static JsonObject chat(Chat c) {
    return new JsonObject().put("chat_id", c.chatId()).put("type", c.type()).put("name", c.name())
        .put("user", c.userOpenId());
  }

  /** Server-sent events: one {@code data:} line of item JSON per change the persona can see. */
  private void stream(RoutingContext ctx) {
    Optional<ConsolePersona> found = persona(ctx, ctx.request().getParam("persona"));
    if (found.isEmpty()) {
      return;
    }
    ConsolePersona p = found.get();
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-store");
    Context context = vertx.getOrCreateContext();
    Consumer<JsonObject> send = item -> {
      if (ConsoleView.visible(im, p, item)) {
        context.runOnContext(v -> {
          if (!response.closed()) {
            response.write("data: " + item.encode() + "\n\n");
          }
        });
      }
    };
    ImState.Listener listener = new ImState.Listener() {
      @Override
      public void message(SentMessage message) {
        send.accept(ConsoleView.bot(message));
      }

      @Override
      public void ephemeral(EphemeralCard card, boolean deleted) {
        send.accept(ConsoleView.ephemeral(card, deleted));
      }

      @Override
      public void userMessage(ImState.UserMessage message) {
        send.accept(ConsoleView.user(message));
      }
    };
    im.listen(listener);
    // Hire changes carry no item: the panel reads /hire again, whoever moved a candidate (the bot's button too).
    Runnable hireChanged = () -> context.runOnContext(v -> {
      if (!response.closed()) {
        response.write("data: " + HIRE_CHANGED + "\n\n");
      }
    });
    hire.watch(hireChanged);
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> response.write(": still here\n\n"));
    response.closeHandler(v -> {
      im.unlisten(listener);
      hire.unwatch(hireChanged);
      vertx.cancelTimer(heartbeat);
    });
    response.write(": connected\n\n");
  }

  private void say(RoutingContext ctx) {
    JsonObject body = TryItRoutes.bodyOrNull(ctx);
    if (body == null) {
      ApiReply.json(ctx, 400, error("send {\"persona\":\"ou_…\",\"chat_id\":\"oc_…\",\"text\":\"…\",\"mention\":true}"));
      return;
    }
    Optional<ConsolePersona> found = persona(ctx, body.getValue("persona"));
    if (found.isEmpty()) {
      return;
    }
    ConsolePersona p = found.get();
    String text = body.getValue("text") instanceof String s ? s.strip() : "";
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      ApiReply.json(ctx, 400, error("text must be 1 to " + MAX_TEXT + " characters"));
      return;
    }
    Object chatId = body.getValue("chat_id");
    MessageSpec spec;
    if (p.p2pChatId().equals(chatId)) {
      spec = MessageSpec.p2p(p.openId());
    } else {
      Optional<Chat> chat = chatId instanceof String id ? im.chat(id).filter(Chat::isGroup) : Optional.empty();
      if (chat.isEmpty()) {
        ApiReply.json(ctx, 400, error("chat_id must be a group the bot is in or the persona's private chat"));
        return;
      }
      spec = MessageSpec.group(chat.get().chatId()).from(p.openId());
      if (Boolean.TRUE.equals(body.getValue("mention"))) {
        spec.mentioningBot();
      }
    }
    if (!deliversLocally(ctx)) {
      return;
    }
    events.message(spec.text(text)).onComplete(r -> {
      if (r.failed()) {
        ApiReply.json(ctx, 502, error("the push failed: " + r.cause()));
      } else if (!r.result().delivered()) {
        ApiReply.json(ctx, 502, error("the bot answered HTTP " + r.result().status() + " to the event"));
      } else {
        ApiReply.json(ctx, 200, new JsonObject().put("message_id", r.result().messageId()));
      }
    });
  }

  private void action(RoutingContext ctx) {
    JsonObject body = TryItRoutes.bodyOrNull(ctx);
    Optional<ConsolePersona> found = persona(ctx, body == null ? null : body.getValue("persona"));
    if (found.isEmpty()) {
      return;
    }
    ConsolePersona p = found.get();
    String messageId = body.getValue("message_id") instanceof String s ? s : "";
    CardActionSpec spec;
    try {
      JsonNode card = cardSeenBy(p, messageId, body.getValue("version"));
      spec = CardClick.resolve(messageId, card, body.getValue("path") instanceof JsonArray a ? a : null, body,
          p.openId());
    } catch (CardClick.Refused e) {
      ApiReply.json(ctx, 400, error(e.getMessage()));
      return;
    }
    if (!deliversLocally(ctx)) {
      return;
    }
    events.cardAction(spec).onComplete(r -> {
      if (r.failed()) {
        ApiReply.json(ctx, 502, error("the callback failed: " + r.cause()));
        return;
      }
      PushResult pushed = r.result();
      Object toast = pushed.status() == 200 ? pushed.jsonBody().getValue("toast") : null;
      LOG.info("console click persona={} message_id={} path={} status={} violations={}", p.role(), messageId,
          body.getValue("path"), pushed.status(), pushed.violations());
      ApiReply.json(ctx, 200, new JsonObject().put("status", pushed.status()).put("toast", toast)
          .put("violations", new JsonArray(pushed.violations())));
    });
  }

  /**
   * The card the persona clicked on, the bot's message in one of its chats or a card shown to it alone, in the
   * version its page drew ({@code version} as the state and stream items carry it), or as it is now when the click
   * names none. Feishu sends the value of the button the clicker's client drew: a card the bot changed meanwhile (an
   * earlier click's answer shifting the rows) must not turn a path into another row's button.
   */
  private JsonNode cardSeenBy(ConsolePersona p, String messageId, Object version) {
    if (version != null && !(version instanceof Integer)) {
      throw new CardClick.Refused("version must be the card's version as the page drew it (a number)");
    }
    Optional<SentMessage> m = im.message(messageId).filter(x -> "interactive".equals(x.msgType()))
        .filter(x -> im.chat(x.chatId()).map(p::sees).orElse(false));
    Optional<EphemeralCard> e = im.ephemeralCards().stream()
        .filter(x -> x.messageId().equals(messageId) && x.openId().equals(p.openId())).findFirst();
    if (m.isEmpty() && e.isEmpty()) {
      throw new CardClick.Refused("message_id must be a card in a chat of this persona");
    }
    if (version == null) {
      return m.map(SentMessage::currentContent).orElseGet(() -> e.get().card());
    }
    int v = (Integer) version;
    JsonNode card = m.isPresent() ? m.get().contentAt(v) : e.get().cardAt(v);
    if (card == null) {
      throw new CardClick.Refused("this card has no version " + v);
    }
    return card;
  }

  /** Nothing typed into the console may leave this machine: pushes go to a bot on the loopback interface only. */
  private boolean deliversLocally(RoutingContext ctx) {
    if (!events.canDeliverEvents()) {
      ApiReply.json(ctx, 409, error("no bot is connected to this emulator"));
      return false;
    }
    if (!events.deliversLocally()) {
      ApiReply.json(ctx, 409, error("the bot's webhook URLs are not on 127.0.0.1: the console pushes to a local bot only"));
      return false;
    }
    return true;
  }

  private Optional<ConsolePersona> persona(RoutingContext ctx, Object openId) {
    Optional<ConsolePersona> p = openId instanceof String s ? ConsolePersona.byOpenId(s) : Optional.empty();
    if (p.isEmpty()) {
      ApiReply.json(ctx, 400, error("persona must be one of the demo tenant's people: "
          + ConsolePersona.ALL.stream().map(ConsolePersona::openId).toList()));
    }
    return p;
  }

  static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }
}
