package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.RunningBot;
import io.hirebot.config.ConfigLoader;
import java.time.Duration;
import java.util.List;

/**
 * Section 2: "candidates for job X" over pipelines of several sizes while the emulator delays every Hire call,
 * cold (a fresh bot, empty caches) and warm (the same command again at once), against the naive sequential
 * reader over the same data. Upstream round trips are counted from when the Hire calls reached the emulator
 * (see {@link CommandProbe.Sample#waves}), plus the one IM reply. The cold sample does not wait for the fresh bot's
 * scope self-check: a user's first command does not either, and the check gives way to it.
 */
final class CommandLatency {
  private static final int WARM_UP_BOTS = 3;

  private final BenchEnv env;
  private final BenchOptions options;
  private final CommandProbe probe;
  private final SequentialCandidateReader naive;

  CommandLatency(BenchEnv env, BenchOptions options) {
    this.env = env;
    this.options = options;
    this.probe = new CommandProbe(env.sandbox, env.tenant);
    this.naive = new SequentialCandidateReader(env.sandbox.config().appId(), env.sandbox.config().appSecret(),
        env.sandbox.baseUrl());
  }

  ObjectNode run() {
    // Both sides would otherwise wait for the 10/s get_detail budget, hiding the latency we measure.
    env.sandbox.faults().rateLimits(false);
    naive.candidateNames(env.tenant.job(options.sizes().get(0)).id()); // fetches its token outside the timing
    warmUp();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("hire_calls_counted", "arriving between the push and the reply (a fresh bot's start-up self-check may "
        + "still run, giving way to the command: its calls sent before the push are not counted)");
    out.put("sandbox_rate_limits", "off (the bot's own client-side limits stay on; fresh bot per cold sample)");
    ArrayNode cells = out.putArray("cells");
    for (int size : options.sizes()) {
      for (int latency : options.latenciesMs()) {
        env.sandbox.faults().latency(Duration.ofMillis(latency));
        cells.add(cell(size, latency));
      }
    }
    env.sandbox.faults().clear();
    return out;
  }

  private ObjectNode cell(int size, int latency) {
    String command = "candidates for job " + BenchTenant.code(size);
    Duration gap = Duration.ofMillis(latency / 2);
    Series cold = new Series();
    Series warm = new Series();
    for (int i = 0; i < options.coldSamples(); i++) {
      RunningBot bot = env.freshBot();
      try {
        cold.add(checked(probe.ask(command), size), gap);
        for (int w = 0; w < options.warmPerCold(); w++) {
          warm.add(checked(probe.ask(command), size), gap);
        }
      } finally {
        env.retire(bot);
      }
    }
    ObjectNode cell = JsonNodeFactory.instance.objectNode();
    cell.put("applications", size);
    cell.put("upstream_ms", latency);
    cell.set("cold", cold.toJson(latency > 0));
    cell.set("warm", warm.toJson(latency > 0));
    cell.set("naive", naive(size));
    double naiveMs = cell.path("naive").path("ms").asDouble();
    cell.put("speedup_cold", Stats.round(naiveMs / Math.max(0.01, cold.wall.p50Ms())));
    cell.put("speedup_warm", Stats.round(naiveMs / Math.max(0.01, warm.wall.p50Ms())));
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

  /** Untimed: the first commands of a JVM pay for class loading and JIT, which the cells should not. */
  private void warmUp() {
    for (int i = 0; i < WARM_UP_BOTS; i++) {
      RunningBot bot = env.freshBot();
      try {
        for (int size : options.sizes()) {
          checked(probe.ask("candidates for job " + BenchTenant.code(size)), size);
        }
      } finally {
        env.retire(bot);
      }
    }
  }

  /** The samples of one kind (cold or warm) of one cell. */
  private static final class Series {
    private final Stats wall = new Stats();
    private long calls;
    private long waves;

    void add(CommandProbe.Sample s, Duration gap) {
      wall.addNanos(s.nanos());
      calls += s.hireCalls().size();
      waves += s.waves(gap);
    }

    /** With no upstream latency, waves cannot be told apart: round trips are then left out. */
    ObjectNode toJson(boolean withRoundTrips) {
      int n = Math.max(1, wall.count());
      ObjectNode o = wall.toJson().put("hire_calls", Stats.round((double) calls / n));
      if (withRoundTrips) {
        o.put("hire_round_trips", Stats.round((double) waves / n));
        o.put("round_trips", Stats.round((double) waves / n + 1)); // + the IM reply
      }
      return o;
    }
  }
}
