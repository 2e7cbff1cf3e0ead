package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.Launcher;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The realistic intake mix: one event in {@link #MENTION_EVERY} is "@HireBot help" from its own member in an enabled
 * chat (one reply each), the rest is group chatter without a mention. Mentions are a small share because every
 * reply counts against Feishu's 50 messages/s for the app; the flood's figure then is not one for dropped events only.
 */
final class IntakeMix {
  static final int MENTION_EVERY = 100;

  private final FeishuSandbox sandbox;
  private final BenchTenant tenant;

  IntakeMix(FeishuSandbox sandbox, BenchTenant tenant) {
    this.sandbox = sandbox;
    this.tenant = tenant;
  }

  /** The n-th event of the mix; a mention is made known to the emulator (as its pusher would) so it can be replied to. */
  private LongFunction<SealedPush> events(String runId) {
    return n -> {
      if (n % MENTION_EVERY != 0) {
        return IntakeFlood.event(runId, n);
      }
      String id = IntakeFlood.messageId(runId, n);
      String chat = tenant.chat(n / MENTION_EVERY);
      sandbox.im().recordInbound(id, chat);
      return SealedPush.seal(Envelopes.groupText(id, chat, Envelopes.sender(n), "help", Launcher.SANDBOX_BOT_OPEN_ID,
          true), ConfigLoader.SANDBOX_ENCRYPT_KEY);
    };
  }

  /** Floods with the mix, then waits until every mention sent has its one reply (at Feishu's pace). */
  ObjectNode run(IntakeFlood flood, String runId, Duration duration, int connections) {
    ObjectNode o = flood.run(runId, duration, connections, events(runId));
    // wrk sends every event it was given unless its time ran out; the java generator sends 0 .. sent-1.
    long sent = o.path("sent").asLong();
    Set<String> mentions = new HashSet<>();
    for (long n = 0; n < sent; n += MENTION_EVERY) {
      mentions.add(IntakeFlood.messageId(runId, n));
    }
    long[] replies = HelpReplies.awaitReplies(sandbox, mentions);
    o.put("mention_every", MENTION_EVERY);
    o.put("mentions", mentions.size());
    o.put("mentions_exact", o.path("unanswered").asLong() == 0
        && (!o.has("events_prepared") || o.path("events_prepared").asLong() == sent));
    o.put("replied", replies[0]);
    o.put("duplicate_replies", replies[1] - replies[0]);
    o.put("all_replied_s", Stats.round(replies[2] / 1e9));
    o.put("lost", o.path("lost").asLong() + mentions.size() - replies[0]);
    return o;
  }
}
