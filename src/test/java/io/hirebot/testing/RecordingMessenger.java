package io.hirebot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Messenger} that keeps every card and text the bot sent, replied, updated or deleted, for the middle test
 * layer: a test asserts on what would have reached the chat ({@link Shown}), as the sandbox's IM state would show it.
 *
 * <p>A fake is legitimate here only because the real {@code FeishuMessenger} (SDK, rate limits, uuids, card checks
 * against the sandbox's validator) is covered by the end-to-end journeys under {@code io.hirebot.e2e} and by
 * {@code SdkImFidelityTest}. Thread-safe; every send succeeds at once with a fresh message id.
 */
public final class RecordingMessenger implements Messenger {

  /** What the bot did to a chat. */
  public enum Kind { REPLY, SEND, SEND_TO_USER, UPDATE_CARD, DELAYED_UPDATE, SEND_EPHEMERAL, DELETE_EPHEMERAL }

  /**
   * One outgoing call.
   *
   * @param target the chat id, the user's open_id (SEND_TO_USER, SEND_EPHEMERAL), or the message id or callback
   *     token acted on
   * @param parentId the message replied to (REPLY only)
   * @param messageId the id of the new message, or of the message acted on
   * @param bulk whether it went through {@link #bulk()} (digests, notifications: nobody waits for them)
   */
  public record Sent(Kind kind, String target, String parentId, String messageId, Shown shown, String idempotencyKey,
      boolean bulk) {}

  private final List<Sent> sent;
  private final AtomicInteger ids;
  private final boolean bulk;

  public RecordingMessenger() {
    this(new ArrayList<>(), new AtomicInteger(), false);
  }

  private RecordingMessenger(List<Sent> sent, AtomicInteger ids, boolean bulk) {
    this.sent = sent;
    this.ids = ids;
    this.bulk = bulk;
  }

  /** Everything sent so far, in order, bulk or not. */
  public List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  public List<Sent> sent(Kind kind) {
    return sent().stream().filter(s -> s.kind() == kind).toList();
  }

  /** The last thing of that kind, failing the test when there is none. */
  public Sent last(Kind kind) {
    List<Sent> all = sent(kind);
    if (all.isEmpty()) {
      throw new AssertionError("nothing of kind " + kind + " was sent; sent: " + sent());
    }
    return all.get(all.size() - 1);
  }

  public void clear() {
    synchronized (sent) {
      sent.clear();
    }
  }

  @Override
  public Future<String> reply(String chatId, String messageId, Reply reply, String idempotencyKey) {
    return record(Kind.REPLY, chatId, messageId, null, Shown.of(reply), idempotencyKey);
  }

  @Override
  public Future<String> send(String chatId, Reply reply, String idempotencyKey) {
    return record(Kind.SEND, chatId, null, null, Shown.of(reply), idempotencyKey);
  }

  @Override
  public Future<String> sendToUser(String openId, Reply reply, String idempotencyKey) {
    return record(Kind.SEND_TO_USER, openId, null, null, Shown.of(reply), idempotencyKey);
  }

  /** Recorded as a send to the user; the private chat is named after them, as Feishu names one chat per user. */
  @Override
  public Future<io.hirebot.bot.Messenger.Sent> sendPrivately(String openId, Reply reply, String idempotencyKey) {
    return sendToUser(openId, reply, idempotencyKey)
        .map(id -> new io.hirebot.bot.Messenger.Sent(id, "oc_p2p_" + openId));
  }

  @Override
  public Future<Void> updateCard(String messageId, ObjectNode card) {
    return record(Kind.UPDATE_CARD, messageId, null, messageId, Shown.of(card), null).mapEmpty();
  }

  @Override
  public Future<Void> delayedUpdate(String callbackToken, ObjectNode card) {
    return record(Kind.DELAYED_UPDATE, callbackToken, null, null, Shown.of(card), null).mapEmpty();
  }

  @Override
  public Messenger bulk() {
    return new RecordingMessenger(sent, ids, true);
  }

  @Override
  public Future<String> sendEphemeral(String chatId, String openId, ObjectNode card) {
    return record(Kind.SEND_EPHEMERAL, openId, chatId, null, Shown.of(card), null);
  }

  @Override
  public Future<Void> deleteEphemeral(String messageId) {
    return record(Kind.DELETE_EPHEMERAL, messageId, null, messageId, null, null).mapEmpty();
  }

  private Future<String> record(Kind kind, String target, String parentId, String messageId, Shown shown,
      String key) {
    String id = messageId != null ? messageId : "om_recorded_" + ids.incrementAndGet();
    synchronized (sent) {
      sent.add(new Sent(kind, target, parentId, id, shown, key, bulk));
    }
    return Future.succeededFuture(id);
  }
}
