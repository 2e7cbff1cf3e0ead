package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pushes Feishu envelopes (v2 events, card callbacks, url_verification) to the bot's webhook URLs, plain or
 * encrypted and signed per the config, or over the long connection when no webhook URL is set and an SDK
 * long-connection client is connected; thread-safe. Events follow the retry policy; callbacks are never retried.
 */
public final class EventPusher {

  /** Feishu expects the challenge echoed within 1 s. */
  static final long CHALLENGE_BUDGET_MILLIS = 1000;

  private final Vertx vertx;
  private final SandboxConfig config;
  private final ImState im;
  private final CardTokens cardTokens;
  private final PushTransport transport;
  private final LongConnection longConnection;
  private volatile String eventUrl;
  private volatile String cardUrl;
  private volatile RetryPolicy retryPolicy = RetryPolicy.OFF;
  private final TenantScopes scopes;
  private final Faults faults;

  EventPusher(Vertx vertx, SandboxConfig config, ImState im, CardTokens cardTokens, LongConnection longConnection,
      TenantScopes scopes, Faults faults) {
    this.vertx = vertx;
    this.faults = faults;
    this.scopes = scopes;
    this.longConnection = longConnection;
    this.config = config;
    this.im = im;
    this.cardTokens = cardTokens;
    this.transport = new PushTransport(vertx, config);
  }

  void urls(String event, String card) {
    this.eventUrl = event;
    this.cardUrl = card;
  }

  /** Whether events can reach the bot: a webhook URL is set, or an SDK long-connection client is connected. */
  boolean canDeliverEvents() {
    return eventUrl != null || longConnection.connected();
  }

  /**
   * Whether every push goes to this machine: webhook URLs on a loopback address, or the long connection (whose
   * client connected to this emulator on 127.0.0.1). Only literal hosts count: a name is not resolved.
   */
  boolean deliversLocally() {
    String event = eventUrl;
    String card = cardUrl;
    if (event == null && card == null) {
      return longConnection.connected();
    }
    return loopback(event) && loopback(card);
  }

  private static boolean loopback(String url) {
    if (url == null) {
      return false;
    }
    try {
      String host = java.net.URI.create(url).getHost();
      return host != null && (host.equals("localhost") || host.equals("[::1]") || host.startsWith("127.")
          && java.net.InetAddress.getByName(host).isLoopbackAddress());
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Re-push events on failure per this policy (off by default). */
  public EventPusher retryPolicy(RetryPolicy policy) {
    this.retryPolicy = policy;
    return this;
  }

  /** Pushes im.message.receive_v1 for a user's message; the bot may then reply to {@link PushResult#messageId()}. */
  public Future<PushResult> message(MessageSpec spec) {
    return message(spec, PushOptions.NORMAL);
  }

  public Future<PushResult> message(MessageSpec spec, PushOptions options) {
    if ("p2p".equals(spec.chatType())) {
      im.p2pChat(spec.senderOpenId());
    }
    String messageId = spec.messageIdOr(im.newMessageId());
    im.recordUserMessage(new ImState.UserMessage(messageId, spec.chatId(), spec.senderOpenId(), spec.text(),
        config.clock().instant()));
    JsonObject event = spec.event(config, messageId, config.clock().millis());
    return event(envelope("im.message.receive_v1", spec.eventId(), event), messageId, options);
  }

  /**
   * Pushes card.action.trigger to the card URL and, once the answer has reached Feishu ({@link
   * Faults#answerTransit}), applies a valid card in it to the stored message and lets the click's token update it.
   */
  public Future<PushResult> cardAction(CardActionSpec spec) {
    return cardAction(spec, PushOptions.NORMAL);
  }

  public Future<PushResult> cardAction(CardActionSpec spec, PushOptions options) {
    String chatId = im.chatOfMessage(spec.messageId()).orElse("");
    String token = cardTokens.issue(spec.messageId());
    JsonObject env = envelope("card.action.trigger", null, spec.event(token, chatId));
    String plaintext = env.encode();
    String eventId = env.getJsonObject("header").getString("event_id");
    return send(cardUrl, plaintext, eventId, null, options).compose(this::afterTransit).map(result -> {
      CardResponseCheck.Outcome outcome = CardResponseCheck.check(result);
      if (result.status() == 200) {
        cardTokens.answered(token);
      }
      if (outcome.card() != null && !im.replaceEphemeral(spec.messageId(), outcome.card())) {
        im.update(spec.messageId(), new MessageUpdate(MessageUpdate.Kind.CALLBACK_RESPONSE, outcome.card(),
            config.clock().instant()));
      }
      return result.withViolations(outcome.violations());
    });
  }

  /** Completes with the answer once it has travelled to Feishu. */
  private Future<PushResult> afterTransit(PushResult answer) {
    long transit = faults.answerTransit().toMillis();
    if (transit <= 0) {
      return Future.succeededFuture(answer);
    }
    Promise<PushResult> arrived = Promise.promise();
    vertx.setTimer(transit, id -> arrived.complete(answer));
    return arrived.future();
  }

  /**
   * Pushes the url_verification challenge to the event URL (encrypted when the app has a key); violations list
   * what the console would reject: no HTTP 200, no echo of the challenge, or an answer slower than 1 s.
   */
  public Future<PushResult> urlVerification(String challenge) {
    JsonObject body = new JsonObject().put("challenge", challenge).put("token", config.verificationToken())
        .put("type", "url_verification");
    return transport.post(eventUrl, body.encode(), null, null, PushOptions.NORMAL).map(r -> {
      java.util.List<String> problems = new java.util.ArrayList<>();
      if (r.status() != 200) {
        problems.add("HTTP status " + r.status() + " instead of 200");
      }
      if (!challenge.equals(r.jsonBody().getString("challenge"))) {
        problems.add("the answer does not echo the challenge: " + r.body());
      }
      if (r.latency().toMillis() > CHALLENGE_BUDGET_MILLIS) {
        problems.add("answered in " + r.latency().toMillis() + " ms; Feishu allows 1 s");
      }
      return r.withViolations(problems);
    });
  }

  /** Pushes im.chat.member.bot.added_v1 and puts the bot into the chat. */
  public Future<PushResult> botAdded(String chatId, String operatorOpenId) {
    im.addChat(Chat.group(chatId, chatId));
    return event(envelope("im.chat.member.bot.added_v1", null, botMembership(chatId, operatorOpenId)), null,
        PushOptions.NORMAL);
  }

  /**
   * Takes the bot out of a group (a member removed it, or the group was dissolved) and pushes
   * im.chat.member.bot.deleted_v1, as Feishu does to an app subscribed to it; sends to the chat then fail with 230002.
   */
  public Future<PushResult> botRemoved(String chatId, String operatorOpenId) {
    im.removeChat(chatId);
    return event(envelope("im.chat.member.bot.deleted_v1", null, botMembership(chatId, operatorOpenId)), null,
        PushOptions.NORMAL);
  }

  /** The event of bot.added_v1 and bot.deleted_v1 (same fields in the SDK's two models). */
  private static JsonObject botMembership(String chatId, String operatorOpenId) {
    return new JsonObject().put("chat_id", chatId).put("operator_id", MessageSpec.userId(operatorOpenId))
        .put("external", false).put("operator_tenant_key", FeishuSandbox.TENANT_KEY).put("name", chatId)
        .put("i18n_names", new JsonObject().put("zh_cn", chatId).put("en_us", chatId));
  }

  /** Pushes the v1 event p2p_chat_create (a user's first chat with the bot) and opens that p2p chat. */
  public Future<PushResult> p2pChatCreated(String userOpenId, String userName) {
    String chatId = im.p2pChat(userOpenId).chatId();
    JsonObject user = MessageSpec.userId(userOpenId).put("name", userName);
    user.remove("union_id");
    JsonObject event = new JsonObject().put("app_id", config.appId()).put("chat_id", chatId)
        .put("operator", new JsonObject().put("open_id", userOpenId).put("user_id", user.getString("user_id")))
        .put("tenant_key", FeishuSandbox.TENANT_KEY).put("type", "p2p_chat_create").put("user", user);
    JsonObject envelope = new JsonObject().put("ts", String.valueOf(config.clock().millis() / 1000.0))
        .put("uuid", randomHex(16)).put("token", config.verificationToken()).put("type", "event_callback")
        .put("event", event);
    return send(eventUrl, envelope.encode(), envelope.getString("uuid"), null, PushOptions.NORMAL);
  }

  /** Pushes any v2 event (e.g. hire.application.stage_changed_v1) with the given {@code event} object. */
  public Future<PushResult> raw(String eventType, JsonObject event) {
    return raw(eventType, event, PushOptions.NORMAL);
  }

  public Future<PushResult> raw(String eventType, JsonObject event, PushOptions options) {
    JsonObject message = event.getJsonObject("message");
    if (message != null && message.getString("message_id") != null) {
      im.recordInbound(message.getString("message_id"), message.getString("chat_id"));
    }
    return event(envelope(eventType, null, event), null, options);
  }

  private JsonObject envelope(String eventType, String eventId, JsonObject event) {
    JsonObject header = new JsonObject()
        .put("event_id", eventId != null ? eventId : randomHex(16))
        .put("event_type", eventType)
        .put("create_time", String.valueOf(config.clock().millis()))
        .put("token", config.verificationToken())
        .put("app_id", config.appId())
        .put("tenant_key", FeishuSandbox.TENANT_KEY);
    return new JsonObject().put("schema", "2.0").put("header", header).put("event", event);
  }

  private Future<PushResult> event(JsonObject envelope, String messageId, PushOptions options) {
    String plaintext = envelope.encode();
    String eventId = envelope.getJsonObject("header").getString("event_id");
    JsonObject message = envelope.getJsonObject("event").getJsonObject("message");
    List<String> needed = ScopeRules.event(envelope.getJsonObject("header").getString("event_type"),
        message == null ? null : message.getString("chat_type"));
    if (!scopes.allows(needed)) {
      // Feishu delivers nothing the app has no scope for: the bot never hears of it.
      return Future.succeededFuture(new PushResult(0, Map.of(), "", Duration.ZERO, plaintext, eventId, messageId, 0,
          List.of("not delivered: the app has none of the scopes " + needed)));
    }
    Future<PushResult> first = attempt(plaintext, eventId, messageId, options, 0);
    if (!options.duplicate()) {
      return first;
    }
    return first.compose(r -> send(eventUrl, plaintext, eventId, messageId, options)
        .map(second -> second.withAttempts(r.attempts() + 1)));
  }

  private Future<PushResult> attempt(String plaintext, String eventId, String messageId, PushOptions options, int retry) {
    return send(eventUrl, plaintext, eventId, messageId, options).compose(r -> {
      boolean failed = r.status() != 200 || r.latency().toMillis() > PushTransport.TIMEOUT_MILLIS;
      RetryPolicy policy = retryPolicy;
      if (!failed || !policy.enabled() || retry >= RetryPolicy.SCHEDULE.size()) {
        return Future.succeededFuture(r.withAttempts(retry + 1));
      }
      Promise<PushResult> next = Promise.promise();
      long delay = policy.delayMillis(retry);
      // Whether Feishu re-signs a re-push with a fresh timestamp is undocumented: re-pushes here keep the first
      // one, the harder case for a bot that checks timestamps.
      long sentAt = config.clock().millis();
      vertx.setTimer(delay, id -> attempt(plaintext, eventId, messageId,
          options.olderBy(Duration.ofMillis(Math.max(0, config.clock().millis() - sentAt))), retry + 1)
          .onComplete(next));
      return next.future();
    });
  }

  /** Webhooks win when set; otherwise a connected long-connection client gets the plaintext (no encryption in the tunnel). */
  private Future<PushResult> send(String url, String plaintext, String eventId, String messageId, PushOptions options) {
    if (url == null && longConnection.connected()) {
      return longConnection.deliver(plaintext, eventId, messageId);
    }
    return transport.post(url, plaintext, eventId, messageId, options);
  }

  void close() {
    transport.close();
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
