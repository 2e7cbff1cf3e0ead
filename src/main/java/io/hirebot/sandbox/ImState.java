package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The IM side of the tenant: chats the bot is in, messages it sent, users' messages pushed to it; thread-safe. */
public final class ImState {

  /** The demo group with the bot in it. */
  public static final String DEMO_TEAM_CHAT = "oc_demo_team";
  /** A second demo group with the bot in it. */
  public static final String DEMO_BACKEND_CHAT = "oc_demo_backend";

  static final Duration UUID_WINDOW = Duration.ofHours(1);

  private final Clock clock;
  private final List<Chat> seedChats;
  private final Map<String, Chat> chats = new LinkedHashMap<>();
  private final Map<String, SentMessage> messages = new LinkedHashMap<>();
  private final Map<String, String> inboundChats = new HashMap<>();
  private final Map<String, String> uuids = new HashMap<>();
  private final Map<String, EphemeralCard> ephemeral = new LinkedHashMap<>();
  private final Waiters<SentMessage> waiters;
  private final List<UserMessage> userMessages = new ArrayList<>();
  private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicLong serial = new AtomicLong();
  private final long salt = ThreadLocalRandom.current().nextLong(1L << 40);

  ImState(Vertx vertx, Clock clock, List<Chat> seedChats) {
    this.clock = clock;
    this.seedChats = List.copyOf(seedChats);
    this.waiters = new Waiters<>(vertx, "message");
    reset();
  }

  /**
   * Told of every change a chat member would see, after the change (outside the lock), on the changing thread;
   * the console streams them. A listener must not block.
   */
  public interface Listener {
    default void message(SentMessage message) {}

    /** A card visible to one member was sent, replaced by a callback's answer, or ({@code deleted}) removed. */
    default void ephemeral(EphemeralCard card, boolean deleted) {}

    default void userMessage(UserMessage message) {}
  }

  /** A user's message pushed to the bot, as its sender typed it. */
  public record UserMessage(String messageId, String chatId, String senderOpenId, String text, Instant createTime) {}

  public void listen(Listener listener) {
    listeners.add(listener);
  }

  public void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  /** Users' messages pushed to the bot, oldest first. */
  public synchronized List<UserMessage> userMessages() {
    return List.copyOf(userMessages);
  }

  /** Every message the bot sent or replied, oldest first, with its updates. */
  public synchronized List<SentMessage> messages() {
    return List.copyOf(messages.values());
  }

  public synchronized List<SentMessage> inChat(String chatId) {
    return messages.values().stream().filter(m -> m.chatId().equals(chatId)).toList();
  }

  public synchronized List<SentMessage> repliesTo(String messageId) {
    return messages.values().stream().filter(m -> messageId.equals(m.parentId())).toList();
  }

  public synchronized Optional<SentMessage> message(String messageId) {
    return Optional.ofNullable(messages.get(messageId));
  }

  /**
   * Completes with the first message (already stored, or sent or updated later) matching the predicate,
   * or fails with a TimeoutException after {@code timeout}.
   */
  public Future<SentMessage> awaitMessage(Predicate<SentMessage> predicate, Duration timeout) {
    synchronized (this) {
      return waiters.await(List.copyOf(messages.values()), predicate, timeout, this);
    }
  }

  public synchronized List<Chat> chats() {
    return List.copyOf(chats.values());
  }

  public synchronized Optional<Chat> chat(String chatId) {
    return Optional.ofNullable(chats.get(chatId));
  }

  /** Puts the bot into a chat (sending to any other chat fails with 230002). */
  public synchronized void addChat(Chat chat) {
    chats.put(chat.chatId(), chat);
  }

  /** Takes the bot out of a chat. */
  public synchronized void removeChat(String chatId) {
    chats.remove(chatId);
  }

  /** Forgets every message and dynamic chat; the demo chats stay. */
  public synchronized void reset() {
    chats.clear();
    seedChats.forEach(c -> chats.put(c.chatId(), c));
    messages.clear();
    ephemeral.clear();
    userMessages.clear();
    inboundChats.clear();
    uuids.clear();
  }

  /** The p2p chat id of a user with the bot (deterministic, so tests can predict it). */
  public static String p2pChatId(String openId) {
    return "oc_p2p_" + (openId.startsWith("ou_") ? openId.substring(3) : openId);
  }

  synchronized Chat p2pChat(String openId) {
    return chats.computeIfAbsent(p2pChatId(openId), id -> Chat.p2p(id, openId));
  }

  synchronized boolean botIn(String chatId) {
    return chats.containsKey(chatId);
  }

  String newMessageId() {
    return String.format("om_%010x%022x", salt, serial.incrementAndGet());
  }

  /** Makes a user's message known (pushes do this; tests replaying a stored envelope do it by hand). */
  public synchronized void recordInbound(String messageId, String chatId) {
    inboundChats.put(messageId, chatId);
  }

  /** The chat of a message (the bot's, a user's, or a card visible to one member), if known. */
  synchronized Optional<String> chatOfMessage(String messageId) {
    SentMessage m = messages.get(messageId);
    EphemeralCard e = ephemeral.get(messageId);
    return Optional.ofNullable(m != null ? m.chatId() : e != null ? e.chatId() : inboundChats.get(messageId));
  }

  /** Records what a user typed (the console shows it in the chat), and makes the message known for replies. */
  void recordUserMessage(UserMessage message) {
    synchronized (this) {
      recordInbound(message.messageId(), message.chatId());
      userMessages.add(message);
    }
    listeners.forEach(l -> l.userMessage(message));
  }

  /** Cards visible to one member of a group that are still there (not deleted), oldest first. */
  public synchronized List<EphemeralCard> ephemeralCards() {
    return List.copyOf(ephemeral.values());
  }

  EphemeralCard storeEphemeral(EphemeralCard card) {
    synchronized (this) {
      ephemeral.put(card.messageId(), card);
    }
    listeners.forEach(l -> l.ephemeral(card, false));
    return card;
  }

  Optional<EphemeralCard> deleteEphemeral(String messageId) {
    Optional<EphemeralCard> removed;
    synchronized (this) {
      removed = Optional.ofNullable(ephemeral.remove(messageId));
    }
    removed.ifPresent(card -> listeners.forEach(l -> l.ephemeral(card, true)));
    return removed;
  }

  /** A card callback's answer replaces a card visible to one member for that member. */
  boolean replaceEphemeral(String messageId, com.fasterxml.jackson.databind.JsonNode card) {
    EphemeralCard replaced;
    synchronized (this) {
      EphemeralCard e = ephemeral.get(messageId);
      if (e == null) {
        return false;
      }
      replaced = e.withCard(card);
      ephemeral.put(messageId, replaced);
    }
    listeners.forEach(l -> l.ephemeral(replaced, false));
    return true;
  }

  /** The message earlier sent with this uuid within the dedup window. */
  synchronized Optional<SentMessage> byUuid(String uuid) {
    String id = uuid == null ? null : uuids.get(uuid);
    SentMessage m = id == null ? null : messages.get(id);
    Instant cutoff = clock.instant().minus(UUID_WINDOW);
    return m != null && m.createTime().isAfter(cutoff) ? Optional.of(m) : Optional.empty();
  }

  /** Stores the message unless one with the same uuid was stored within the window; returns the one that counts. */
  SentMessage storeOnce(SentMessage message) {
    List<Runnable> done;
    synchronized (this) {
      Optional<SentMessage> earlier = byUuid(message.uuid());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      done = insert(message);
    }
    published(done, message);
    return message;
  }

  /** Stores a message as sent by the bot (tests may use it to stage a card for a callback). */
  void store(SentMessage message) {
    List<Runnable> done;
    synchronized (this) {
      done = insert(message);
    }
    published(done, message);
  }

  /** After a message was stored or changed (outside the lock): completes its waiters and tells the listeners. */
  private void published(List<Runnable> waitersDone, SentMessage message) {
    waitersDone.forEach(Runnable::run);
    listeners.forEach(l -> l.message(message));
  }

  /** Caller holds the lock; returns the waiter completions to run after releasing it. */
  private List<Runnable> insert(SentMessage message) {
    messages.put(message.messageId(), message);
    if (message.uuid() != null && !message.uuid().isEmpty()) {
      uuids.put(message.uuid(), message.messageId());
    }
    return waiters.offer(message);
  }

  SentMessage update(String messageId, MessageUpdate update) {
    List<Runnable> done;
    SentMessage updated;
    synchronized (this) {
      SentMessage m = messages.get(messageId);
      if (m == null) {
        return null;
      }
      updated = m.withUpdate(update);
      messages.put(messageId, updated);
      done = waiters.offer(updated);
    }
    published(done, updated);
    return updated;
  }

  static List<Chat> demoChats() {
    List<Chat> list = new ArrayList<>();
    list.add(Chat.group(DEMO_TEAM_CHAT, "招聘小组 Hiring Team"));
    list.add(Chat.group(DEMO_BACKEND_CHAT, "Backend 招聘群"));
    list.add(Chat.p2p(p2pChatId("ou_recruiter_li"), "ou_recruiter_li"));
    list.add(Chat.p2p(p2pChatId("ou_hm_zhang"), "ou_hm_zhang"));
    list.add(Chat.p2p(p2pChatId("ou_admin_zhou"), "ou_admin_zhou"));
    return list;
  }
}
