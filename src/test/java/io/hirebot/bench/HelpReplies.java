package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes "@HireBot help" mentions through the emulator (which must know each message so the bot may reply to
 * it) from several connections, then waits until each has exactly one reply. Replies are bounded by Feishu's
 * IM limit (50/s per app, 5/s per chat), which the bot respects, so this run is about loss, not speed.
 */
final class HelpReplies {
  /** The bot sends at most 50 messages a second; allow for that plus a margin. */
  private static final double IM_PER_SECOND = 50;
  /**
   * 20 s, plus a minute for Feishu's other ceiling of 1,000 messages a minute: the mix run just before has spent
   * hundreds of replies of the same minute, so the bot holds the rest of these until the minute turns (without that
   * minute the run counted 110–119 of 500 replies "lost" that the bot was still rightly holding back).
   */
  private static final Duration MARGIN = Duration.ofSeconds(80);

  private final FeishuSandbox sandbox;
  private final BenchTenant tenant;

  HelpReplies(FeishuSandbox sandbox, BenchTenant tenant) {
    this.sandbox = sandbox;
    this.tenant = tenant;
  }

  ObjectNode run(String runId, int events, int connections) {
    Stats ack = new Stats();
    AtomicLong next = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Future<Void>> senders = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      Promise<Void> done = Promise.promise();
      push(runId, events, next, failed, ack, done);
      senders.add(done.future());
    }
    Duration budget = Duration.ofMillis((long) (events / IM_PER_SECOND * 1000)).plus(MARGIN);
    BenchHttp.await(Future.all(senders), budget);
    long acked = System.nanoTime() - start;
    Set<String> ids = new HashSet<>();
    for (int n = 0; n < events; n++) {
      ids.add(messageId(runId, n));
    }
    long[] replies = awaitReplies(sandbox, ids, budget);
    long drained = System.nanoTime() - start;
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("sent", events);
    o.put("acked", events - failed.get());
    o.put("events_per_s", Math.round(events * 1e9 / acked));
    o.set("ack", ack.toJson());
    o.put("handled", replies[0]);
    o.put("duplicate_replies", replies[1] - replies[0]);
    o.put("lost", events - replies[0]);
    o.put("all_replied_s", Stats.round(drained / 1e9));
    o.put("replies_per_s", Math.round(replies[0] * 1e9 / drained));
    return o;
  }

  private void push(String runId, int events, AtomicLong next, AtomicLong failed, Stats ack, Promise<Void> done) {
    long n = next.getAndIncrement();
    if (n >= events) {
      done.complete();
      return;
    }
    MessageSpec spec = MessageSpec.group(tenant.chat(n)).from(Envelopes.sender(n)).mentioningBot().text("help")
        .messageId(messageId(runId, n));
    sandbox.events().message(spec).onComplete(ar -> {
      PushResult r = ar.succeeded() ? ar.result() : null;
      if (r != null) {
        ack.addNanos(r.latency().toNanos());
      }
      if (r == null || r.status() != 200) {
        failed.incrementAndGet();
      }
      push(runId, events, next, failed, ack, done);
    });
  }

  /**
   * Waits, as long as Feishu's 50 messages/s need plus a margin, until each of {@code ids} has a reply:
   * {distinct messages answered, replies in total, nanoseconds waited}.
   */
  static long[] awaitReplies(FeishuSandbox sandbox, Set<String> ids) {
    long start = System.nanoTime();
    long[] counts = awaitReplies(sandbox, ids,
        Duration.ofMillis((long) (ids.size() / IM_PER_SECOND * 1000)).plus(MARGIN));
    return new long[] {counts[0], counts[1], System.nanoTime() - start};
  }

  /** Polls the emulator's IM state: {distinct messages answered, replies in total}. */
  private static long[] awaitReplies(FeishuSandbox sandbox, Set<String> ids, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    long[] counts;
    do {
      counts = count(sandbox, ids);
      if (counts[0] == ids.size()) {
        Pause.millis(200); // a late duplicate would show up now
        return count(sandbox, ids);
      }
      Pause.millis(20);
    } while (System.nanoTime() < deadline);
    return counts;
  }

  private static long[] count(FeishuSandbox sandbox, Set<String> ids) {
    Set<String> answered = new HashSet<>();
    long total = 0;
    for (SentMessage m : sandbox.im().messages()) {
      if (m.parentId() != null && ids.contains(m.parentId())) {
        answered.add(m.parentId());
        total++;
      }
    }
    return new long[] {answered.size(), total};
  }

  private static String messageId(String runId, long n) {
    return "om_" + runId + "_" + n;
  }
}
