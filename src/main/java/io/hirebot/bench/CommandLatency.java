package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.RunningBot;
import io.hirebot.config.ConfigLoader;
import io.hirebot.feishu.SequentialCandidateReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 2: "candidates for job X" over pipelines of several sizes while the emulator delays every Hire call,
 * cold (a fresh bot, empty caches) and warm (the same command again at once), against the naive sequential
 * reader over the same data. Upstream round trips on the critical path are estimated as
 * (p50 at L ms − p50 at 0 ms) / L.
 */
final class CommandLatency {
  private final BenchEnv env;
  private final BenchOptions options;
  private final CommandProbe probe;
  private final SequentialCandidateReader naive;

  CommandLatency(BenchEnv env, BenchOptions options) {
    this.env = env;
    this.options = options;
    this.probe = new CommandProbe(env.sandbox, env.tenant);
    this.naive = new SequentialCandidateReader(ConfigLoader.SANDBOX_APP_ID, ConfigLoader.SANDBOX_APP_SECRET,
        env.sandbox.baseUrl());
  }

  ObjectNode run() {
    // Both sides would otherwise wait for the 10/s get_detail budget, hiding the latency we measure.
    env.sandbox.faults().rateLimits(false);
    naive.candidateNames(env.tenant.job(options.sizes().get(0)).id()); // fetches its token outside the timing
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("sandbox_rate_limits", "off (the bot's own client-side limits stay on; fresh bot per cold sample)");
    ArrayNode cells = out.putArray("cells");
    Map<Integer, double[]> atZero = new HashMap<>();
    for (int size : options.sizes()) {
      for (int latency : options.latenciesMs()) {
        env.sandbox.faults().latency(Duration.ofMillis(latency));
        ObjectNode cell = cell(size, latency);
        double coldP50 = cell.path("cold").path("p50_ms").asDouble();
        double warmP50 = cell.path("warm").path("p50_ms").asDouble();
        if (latency == 0) {
          atZero.put(size, new double[] {coldP50, warmP50});
        } else if (atZero.containsKey(size)) {
          cell.put("cold_round_trips", Stats.round((coldP50 - atZero.get(size)[0]) / latency));
          cell.put("warm_round_trips", Stats.round(Math.max(0, warmP50 - atZero.get(size)[1]) / latency));
        }
        cells.add(cell);
      }
    }
    env.sandbox.faults().clear();
    return out;
  }

  private ObjectNode cell(int size, int latency) {
    String command = "candidates for job " + BenchTenant.code(size);
    Stats cold = new Stats();
    Stats warm = new Stats();
    long coldCalls = 0;
    long warmCalls = 0;
    for (int i = 0; i < options.coldSamples(); i++) {
      RunningBot bot = env.freshBot();
      try {
        CommandProbe.Sample first = checked(probe.ask(command), size);
        cold.addNanos(first.nanos());
        coldCalls += first.hireCalls();
        for (int w = 0; w < options.warmPerCold(); w++) {
          CommandProbe.Sample again = checked(probe.ask(command), size);
          warm.addNanos(again.nanos());
          warmCalls += again.hireCalls();
        }
      } finally {
        env.retire(bot);
      }
    }
    ObjectNode cell = JsonNodeFactory.instance.objectNode();
    cell.put("applications", size);
    cell.put("upstream_ms", latency);
    cell.set("cold", cold.toJson().put("hire_calls", perSample(coldCalls, cold)));
    cell.set("warm", warm.toJson().put("hire_calls", perSample(warmCalls, warm)));
    cell.set("naive", naive(size));
    double naiveMs = cell.path("naive").path("ms").asDouble();
    cell.put("speedup_cold", Stats.round(naiveMs / Math.max(0.01, cold.p50Ms())));
    cell.put("speedup_warm", Stats.round(naiveMs / Math.max(0.01, warm.p50Ms())));
    return cell;
  }

  private ObjectNode naive(int size) {
    long calls = probe.hireCalls();
    long t0 = System.nanoTime();
    List<String> names = naive.candidateNames(env.tenant.job(size).id());
    long nanos = System.nanoTime() - t0;
    if (names.size() != size) {
      throw new IllegalStateException("naive reader saw " + names.size() + " candidates, expected " + size);
    }
    return JsonNodeFactory.instance.objectNode().put("ms", Stats.round(nanos / 1e6))
        .put("hire_calls", probe.hireCalls() - calls);
  }

  /** A wrong reply (a job picker, an error card) would make the timing meaningless. */
  private static CommandProbe.Sample checked(CommandProbe.Sample s, int size) {
    String card = s.reply().currentContent().toString();
    if (!card.contains("Bench Role " + size) || !card.contains("Bench Talent " + size + "-")) {
      throw new IllegalStateException("unexpected reply to the candidates command: " + card);
    }
    return s;
  }

  private static double perSample(long calls, Stats stats) {
    return Stats.round((double) calls / Math.max(1, stats.count()));
  }
}
