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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-connection mode ({@code HIREBOT_MODE=websocket}, reference §6): the SDK's WebSocket client
 * receives events and card callbacks without a public URL. Frames carry the same plaintext JSON as
 * webhooks (authenticated at connect time, so no signature), which goes through the same mapper and
 * the same bot as the webhook path; the SDK's pool thread waits for a card answer, never an event loop.
 *
 * <p>The SDK's {@code Client.start()} fetches the endpoint with a blocking HTTP call and, when Feishu is
 * unreachable, sleeps and retries forever in the calling thread (120 s apart, ignoring interrupts). So the
 * client is built without its own reconnection, and one dedicated thread of ours connects, watches the
 * connection and reconnects with back-off: start-up never waits for Feishu, {@link #stop()} ends it, and
 * {@link #status()} tells /healthz how the connection is.
 */
public final class LongConnectionGateway {
  private static final Logger log = LoggerFactory.getLogger(LongConnectionGateway.class);
  /** The gateway, like the webhook, gives a callback 3 s; answer inside it. */
  static final long CARD_ANSWER_MS = 2_900;
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  /** Feishu's own clients wait up to 120 s (+30 s jitter) between attempts; a minute keeps outages short. */
  static final Duration MAX_RETRY = Duration.ofSeconds(60);
  /** How long after the endpoint answered the WebSocket upgrade may take. */
  static final long UPGRADE_WAIT_MS = 10_000;
  /** How often a live connection is checked (the SDK drops {@code conn} when the socket closes). */
  static final long WATCH_MS = 1_000;

  /** How the connection is: {@code since} the last change, the last failure's cause. */
  public record Status(State state, int failedAttempts, String lastError, Instant since) {}

  /** Where the connection is in its life. */
  public enum State { NOT_STARTED, CONNECTING, CONNECTED, RECONNECTING, STOPPED }

  private final Client client;
  private final Object wake = new Object();
  private volatile Status status = new Status(State.NOT_STARTED, 0, null, Instant.now());
  private volatile boolean stopping;
  private Thread supervisor;

  public LongConnectionGateway(String appId, String appSecret, String baseUrl, InboundMapper mapper,
      InboundHandler bot, Context context) {
    this.client = new Client.Builder(appId, appSecret).domain(baseUrl).autoReconnect(false)
        .eventHandler(new Dispatcher(mapper, bot, context)).build();
  }

  /** Connects on a thread of its own and returns at once; reconnects whenever the connection drops. */
  public synchronized void start() {
    if (supervisor != null) {
      return;
    }
    supervisor = new Thread(this::supervise, "hirebot-long-connection");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  public Status status() {
    return status;
  }

  private void supervise() {
    try {
      SdkAccess.startPingLoop(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("long connection pings not started cause={}", e.toString());
    }
    long backoff = FIRST_RETRY.toMillis();
    boolean everConnected = false;
    while (!stopping) {
      if (SdkAccess.connected(client)) {
        backoff = FIRST_RETRY.toMillis();
        pause(WATCH_MS);
        continue;
      }
      if (everConnected && status.state() == State.CONNECTED) {
        log.warn("long connection lost; reconnecting");
      }
      moveTo(everConnected ? State.RECONNECTING : State.CONNECTING, status.failedAttempts(), status.lastError());
      String failure = attempt();
      if (failure == null) {
        everConnected = true;
        moveTo(State.CONNECTED, 0, null);
        log.info("long connection connected gateway={}", SdkAccess.connUrlHost(client));
        continue;
      }
      int failures = status.failedAttempts() + 1;
      moveTo(status.state(), failures, failure);
      long wait = backoff + ThreadLocalRandom.current().nextLong(backoff / 4 + 1);
      log.warn("long connection unavailable attempt={} retry_in_ms={} cause={}", failures, wait, failure);
      pause(wait);
      backoff = Math.min(backoff * 2, MAX_RETRY.toMillis());
    }
    moveTo(State.STOPPED, status.failedAttempts(), status.lastError());
  }

  /** One connection attempt: null when connected, else why not. */
  private String attempt() {
    try {
      SdkAccess.connect(client);
    } catch (InvocationTargetException e) {
      return String.valueOf(e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return e.toString();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UPGRADE_WAIT_MS);
    while (!stopping && System.nanoTime() < deadline) {
      if (SdkAccess.connected(client)) {
        return null;
      }
      pause(50);
    }
    return "WebSocket upgrade not completed within " + UPGRADE_WAIT_MS + " ms";
  }

  private void moveTo(State state, int failures, String error) {
    Status now = status;
    status = new Status(state, failures, error, state == now.state() ? now.since() : Instant.now());
  }

  private void pause(long millis) {
    synchronized (wake) {
      if (!stopping) {
        try {
          wake.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
    }
  }

  /**
   * Ends the supervisor, disconnects and stops the SDK's threads; never blocks for long (the supervisor
   * may be inside a connection attempt with its own timeouts: it is a daemon and stops after it).
   */
  public void stop() {
    synchronized (wake) {
      stopping = true;
      wake.notifyAll();
    }
    try {
      SdkAccess.shutDown(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("long connection stop incomplete cause={}", e.toString());
    }
    moveTo(State.STOPPED, status.failedAttempts(), status.lastError());
  }

  /**
   * The SDK client's private parts this class needs (reference §6.1: it has no public stop, no state, and its
   * public start blocks): one place that knows their names, checked against oapi-sdk 2.5.3.
   */
  private static final class SdkAccess {
    private static final Field CONN = field("conn");
    private static final Field CONN_URL = field("connUrl");

    static boolean connected(Client client) {
      try {
        return CONN.get(client) != null;
      } catch (IllegalAccessException e) {
        return false;
      }
    }

    static String connUrlHost(Client client) {
      try {
        Object url = CONN_URL.get(client);
        return url == null ? "" : java.net.URI.create(url.toString()).getHost();
      } catch (IllegalAccessException | IllegalArgumentException e) {
        return "";
      }
    }

    /** Fetches the endpoint (blocking HTTP) and starts the WebSocket upgrade, which completes asynchronously. */
    static void connect(Client client) throws ReflectiveOperationException {
      Method connect = Client.class.getDeclaredMethod("connect");
      connect.setAccessible(true);
      connect.invoke(client);
    }

    /** The SDK's ping loop, on its own pool; it pings only while connected. */
    static void startPingLoop(Client client) throws ReflectiveOperationException {
      Method ping = Client.class.getDeclaredMethod("pingLoop");
      ping.setAccessible(true);
      executor(client).execute(() -> {
        try {
          ping.invoke(client);
        } catch (ReflectiveOperationException e) {
          log.warn("long connection ping loop ended cause={}", e.toString());
        }
      });
    }

    static void shutDown(Client client) throws ReflectiveOperationException {
      Method disconnect = Client.class.getDeclaredMethod("disconnect");
      disconnect.setAccessible(true);
      disconnect.invoke(client);
      executor(client).shutdownNow();
    }

    private static ExecutorService executor(Client client) throws ReflectiveOperationException {
      Field executor = Client.class.getDeclaredField("executor");
      executor.setAccessible(true);
      return (ExecutorService) executor.get(client);
    }

    private static Field field(String name) {
      try {
        Field f = Client.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("oapi-sdk ws.Client has no field " + name + ": SDK version changed?", e);
      }
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
        // Parsed once; the text as it came is what the claim stores for a replay.
        plain = PlainJson.strictUtf8(payload);
        event = mapper.map(PlainJson.parseObject(plain));
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
      context.runOnContext(v -> bot.onCardAction(action).map(result -> bodies.of(result, action.language()))
          .onComplete(body));
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
