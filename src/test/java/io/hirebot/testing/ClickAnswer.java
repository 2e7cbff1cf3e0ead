package io.hirebot.testing;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a card click brought its user, read as Feishu shows it: the callback's own answer (a card, a toast other than
 * the info toast "Working on it…", or a refusal), or, after that info toast, the delayed card update the bot sends
 * with the click's token once its work is done, or (a notice for the clicker alone) the card it shows only them in a
 * group (ephemeral/v1/send) or the message it sends them in their private chat. One reading for the end-to-end tests and the benchmark.
 *
 * @param click the push and the bot's answer to the callback
 * @param body what the user ends up seeing: the callback's answer, or the delayed update's request body
 * @param took from sending the click until that answer: the callback's latency, or until the update was seen
 * @param update the delayed update, or null when the callback answered by itself
 */
public record ClickAnswer(PushResult click, String body, Duration took, RecordedRequest update) {
  /** Feishu's delayed card update, the way a slow click is completed. */
  public static final String CARD_UPDATE = "/open-apis/interactive/v1/card/update";
  /** A card shown to one member of a group: where a slow click's notice goes in a group. */
  public static final String EPHEMERAL = "/open-apis/ephemeral/v1/send";
  /** A message the bot sends: where a slow click's notice goes in a private chat (and a topic group). */
  public static final String MESSAGES = "/open-apis/im/v1/messages";
  /** Ephemeral sends already taken as some click's answer (by log id): two clicks by one person take one each. */
  private static final java.util.Set<String> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Clicks as {@code spec} says and waits up to {@code patience} for the delayed update when there is one. */
  public static Future<ClickAnswer> click(FeishuSandbox sandbox, CardActionSpec spec, Duration patience) {
    return sandbox.events().cardAction(spec).compose(click -> of(sandbox, click, patience));
  }

  /**
   * The answer to a click already pushed: at once, or the delayed update carrying its token (which fails the future
   * when none comes within {@code patience}).
   */
  public static Future<ClickAnswer> of(FeishuSandbox sandbox, PushResult click, Duration patience) {
    JsonObject body = click.jsonBody();
    String toast = body.getJsonObject("toast", new JsonObject()).getString("type");
    if (click.status() != 200 || body.containsKey("card") || !"info".equals(toast)) {
      return Future.succeededFuture(new ClickAnswer(click, click.body(), click.latency(), null));
    }
    long answered = System.nanoTime();
    JsonObject event = new JsonObject(click.plaintext()).getJsonObject("event");
    String clicker = event.getJsonObject("operator", new JsonObject()).getString("open_id", "");
    String chat = event.getJsonObject("context", new JsonObject()).getString("open_chat_id", "");
    Predicate<RecordedRequest> alone = q -> q.path().equals(EPHEMERAL) && q.status() == 200 && q.body() != null
        && q.body().contains("\"" + clicker + "\"") && q.body().contains("\"" + chat + "\"")
        && TAKEN.add(q.logId());
    Predicate<RecordedRequest> privately = q -> q.path().equals(MESSAGES) && "POST".equals(q.method())
        && q.status() == 200 && q.body() != null && q.body().contains("\"receive_id\":\"" + clicker + "\"")
        && TAKEN.add(q.logId());
    return sandbox.requests().await(updateWith(token(click)).or(alone).or(privately), patience)
        .map(update -> new ClickAnswer(click, update.body(),
            click.latency().plusNanos(System.nanoTime() - answered), update));
  }

  /** The click's token, which its delayed update must carry. */
  public static String token(PushResult click) {
    return new JsonObject(click.plaintext()).getJsonObject("event").getString("token");
  }

  /** A delayed card update carrying {@code token}. */
  public static Predicate<RecordedRequest> updateWith(String token) {
    return q -> q.path().equals(CARD_UPDATE) && q.body() != null && q.body().contains(token);
  }

  public boolean delayed() {
    return update != null;
  }

  /** The callback answered with an error toast (a delayed update has no toast). */
  public boolean errorToast() {
    return update == null && "error".equals(click.jsonBody().getJsonObject("toast", new JsonObject())
        .getString("type"));
  }
}
