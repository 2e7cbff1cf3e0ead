package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.config.ConfigLoader;
import java.time.Duration;

/**
 * Floods a bot's /webhook/event with signed, encrypted group messages that do not mention it (acked and
 * dropped: the cheapest real work), then checks on the bot's /metrics that every acked event was handled once.
 */
final class IntakeFlood {
  static final String RECEIVED = "hirebot_events_received_total";
  static final String DUPLICATES = "hirebot_events_duplicate_total";
  static final String REJECTED = "hirebot_events_rejected_total";
  private static final String MESSAGES = "kind=\"IncomingMessage\"";
  private static final String FLOOD_CHAT = "oc_bench_flood";

  private final BenchHttp http;
  private final int port;

  IntakeFlood(BenchHttp http, int port) {
    this.http = http;
    this.port = port;
  }

  ObjectNode run(String runId, Duration duration, int connections) {
    MetricsScrape metrics = new MetricsScrape(http, port);
    String before = metrics.scrape();
    IntakeLoad.Result r = new IntakeLoad(http, port, "/webhook/event").run(duration, connections,
        n -> SealedPush.seal(Envelopes.groupText("om_" + runId + "_" + n, FLOOD_CHAT, "status update " + n, "",
            false), ConfigLoader.SANDBOX_ENCRYPT_KEY));
    String after = metrics.scrape();
    long handled = delta(before, after, RECEIVED, MESSAGES);
    long duplicates = delta(before, after, DUPLICATES, "");
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("connections", connections);
    o.put("seconds", Stats.round(r.nanos() / 1e9));
    o.put("sent", r.sent());
    o.put("acked", r.ok());
    o.put("failed", r.failed());
    o.put("events_per_s", Math.round(r.perSecond()));
    o.set("ack", r.ack().toJson());
    o.put("handled", handled - duplicates);
    o.put("duplicates", duplicates);
    o.put("rejected", delta(before, after, REJECTED, ""));
    o.put("lost", r.ok() - (handled - duplicates));
    return o;
  }

  static long delta(String before, String after, String name, String labels) {
    return Math.round(MetricsScrape.sum(after, name, labels) - MetricsScrape.sum(before, name, labels));
  }
}
