package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.ws.Client;
import io.hirebot.bot.InboundHandler;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.InboundEvent;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-connection mode ({@code HIREBOT_MODE=websocket}, reference §6): the SDK's WebSocket client
 * receives events and card callbacks without a public URL. Frames carry the same plaintext JSON as
 * webhooks (authenticated at connect time, so no signature), which goes through the same mapper and
 * the same bot as the webhook path; the SDK's pool thread waits for a card answer, never an event loop.
 */
public final class LongConnectionGateway {
  private static final Logger log = LoggerFactory.getLogger(LongConnectionGateway.class);
  /** The gateway, like the webhook, gives a callback 3 s; answer inside it. */
  static final long CARD_ANSWER_MS = 2_900;

  private final Client client;

  public LongConnectionGateway(String appId, String appSecret, String baseUrl, InboundMapper mapper,
      InboundHandler bot, Context context) {
    this.client = new Client.Builder(appId, appSecret).domain(baseUrl)
        .eventHandler(new Dispatcher(mapper, bot, context)).build();
  }

  /** Connects in the background; the SDK reconnects by itself when the connection drops. */
  public void start() {
    client.start();
  }

  /**
   * The SDK client has no public stop (reference §6.1): disconnect and end its threads by reflection so
   * that a stopped bot (and every test) leaves nothing behind.
   */
  public void stop() {
    try {
      Field reconnect = Client.class.getDeclaredField("autoReconnect");
      reconnect.setAccessible(true);
      reconnect.set(client, Boolean.FALSE);
      Method disconnect = Client.class.getDeclaredMethod("disconnect");
      disconnect.setAccessible(true);
      disconnect.invoke(client);
      Field executor = Client.class.getDeclaredField("executor");
      executor.setAccessible(true);
      ((ExecutorService) executor.get(client)).shutdownNow();
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("long connection stop incomplete cause={}", e.toString());
    }
  }

  /** Routes the plaintext of each frame like a verified webhook body. */
  private static final class Dispatcher extends EventDispatcher {
    private final InboundMapper mapper;
    private final InboundHandler bot;
    private final Context context;
    private final CallbackBodies bodies = new CallbackBodies();

    Dispatcher(InboundMapper mapper, InboundHandler bot, Context context) {
      super(EventDispatcher.newBuilder("", ""));
      this.mapper = mapper;
      this.bot = bot;
      this.context = context;
    }

    @Override
    public Object doWithoutValidation(byte[] payload) throws Exception {
      InboundEvent event;
      String plain;
      try {
        var json = PlainJson.parseObject(payload);
        plain = json.toString();
        event = mapper.map(json);
      } catch (RuntimeException e) {
        // An ACK with code 500 would make Feishu retry a frame that can never succeed.
        log.warn("long connection frame dropped reason={}", e.getMessage());
        return null;
      }
      if (event instanceof CardAction action) {
        return answer(action);
      }
      // Acknowledge only once the event is claimed in the database, as the webhook does: if that fails,
      // the exception makes the SDK answer 500 and Feishu delivers the event again.
      Promise<Void> claimed = Promise.promise();
      context.runOnContext(v -> bot.onEvent(event, plain).onComplete(claimed));
      claimed.future().toCompletionStage().toCompletableFuture().get(CARD_ANSWER_MS, TimeUnit.MILLISECONDS);
      return null;
    }

    private Object answer(CardAction action) {
      Promise<ObjectNode> body = Promise.promise();
      context.runOnContext(v -> bot.onCardAction(action).map(bodies::of).onComplete(body));
      try {
        ObjectNode json = body.future().toCompletionStage().toCompletableFuture()
            .get(CARD_ANSWER_MS, TimeUnit.MILLISECONDS);
        // The SDK serialises the answer with Gson: hand it a Gson tree, not a Jackson one.
        return JsonParser.parseString(json.toString());
      } catch (Exception e) {
        log.error("long connection card answer failed message_id={} cause={}", action.messageId(), e.toString());
        return JsonParser.parseString("{}");
      }
    }
  }
}
