package io.hirebot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Messenger} that keeps every card and text the bot sent, replied, updated or deleted, for the middle test
 * layer: a test asserts on what would have reached the chat ({@link Shown}), as the sandbox's IM state would show it.
 *
 * <p>A fake is legitimate here only because the real {@code FeishuMessenger} (SDK, rate limits, uuids, card checks
 * against the sandbox's validator) is covered by the end-to-end journeys under {@code io.hirebot.e2e} and by
 * {@code SdkImFidelityTest}. Thread-safe; every send succeeds at once with a fresh message id, except a reply a test holds open
 * ({@link #holdNextReply()}).
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
  public record Outgoing(Kind kind, String target, String parentId, String messageId, Shown shown, String idempotencyKey,
      boolean bulk) {}

  private final List<Outgoing> sent;
  private final AtomicInteger ids;
  private final boolean bulk;
  /** The reply to hold open next, if a test asked for one (shared with {@link #bulk()}). */
  private final AtomicReference<HeldReply> nextHeld;

  public RecordingMessenger() {
    this(new ArrayList<>(), new AtomicInteger(), false, new AtomicReference<>());
  }

  private RecordingMessenger(List<Outgoing> sent, AtomicInteger ids, boolean bulk, AtomicReference<HeldReply> nextHeld) {
    this.sent = sent;
    this.ids = ids;
    this.bulk = bulk;
    this.nextHeld = nextHeld;
  }

  /**
   * A reply on its way: recorded (the chat would show it once Feishu answers) but its send not complete, so the bot
   * has not yet run what follows a successful send. Lets a test type a follow-up in that window.
   */
  public static final class HeldReply {
    private final CompletableFuture<Outgoing> recorded = new CompletableFuture<>();
    private final Promise<String> answer = Promise.promise();

    /** Waits until the bot has sent the held reply (it is recorded, its future still pending). */
    public Outgoing awaitSent() {
      try {
        return recorded.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the held reply was never sent: " + e, e);
      }
    }

    /** Feishu answers: the send completes with the reply's message id. */
    public void release() {
      answer.tryComplete(awaitSent().messageId());
    }
  }

  /** Holds the next reply open until {@link HeldReply#release()}; every later one completes at once. */
  public HeldReply holdNextReply() {
    HeldReply held = new HeldReply();
    if (!nextHeld.compareAndSet(null, held)) {
      throw new IllegalStateException("a reply is already held");
    }
    return held;
  }

  /** Everything sent so far, in order, bulk or not. */
  public List<Outgoing> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  public List<Outgoing> sent(Kind kind) {
    return sent().stream().filter(s -> s.kind() == kind).toList();
  }

  /** The last thing of that kind, failing the test when there is none. */
  public Outgoing last(Kind kind) {
    List<Outgoing> all = sent(kind);
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
    Outgoing out = add(Kind.REPLY, chatId, messageId, null, Shown.of(reply), idempotencyKey);
    HeldReply held = nextHeld.getAndSet(null);
    if (held == null) {
      return Future.succeededFuture(out.messageId());
    }
    held.recorded.complete(out);
    return held.answer.future();
  }

  @Override
  public Future<String> send(String chatId, Reply reply, String idempotencyKey) {
    return record(Kind.SEND, chatId, null, null, Shown.of(reply), idempotencyKey);
  }

  @Override
  public Future<String> sendToUser(String openId, Reply reply, String idempotencyKey) {
    return record(Kind.SEND_TO_USER, openId, null, null, Shown.of(reply), idempotencyKey);
  }

  /** The user's private chat is named {@code oc_p2p_<open_id>}, as {@link FeatureHarness#privately} names it. */
  @Override
  public Future<Messenger.Sent> sendPrivately(String openId, Reply reply, String idempotencyKey) {
    return sendToUser(openId, reply, idempotencyKey).map(id -> new Messenger.Sent(id, "oc_p2p_" + openId));
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
    return new RecordingMessenger(sent, ids, true, nextHeld);
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
    return Future.succeededFuture(add(kind, target, parentId, messageId, shown, key).messageId());
  }

  private Outgoing add(Kind kind, String target, String parentId, String messageId, Shown shown, String key) {
    String id = messageId != null ? messageId : "om_recorded_" + ids.incrementAndGet();
    Outgoing out = new Outgoing(kind, target, parentId, id, shown, key, bulk);
    synchronized (sent) {
      sent.add(out);
    }
    return out;
  }
}
