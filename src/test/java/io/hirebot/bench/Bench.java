package io.hirebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark program (README, "Performance"): runs the sections against the emulator on 127.0.0.1, prints
 * the tables and writes {@code results.json}. Every loop is bounded by time or count and stops by itself.
 */
public final class Bench {
  private static final Duration INTAKE_WARM_UP = Duration.ofSeconds(2);
  private static final int INTAKE_WARM_UP_ROUNDS = 5;
  /**
   * The child's JIT takes longer than five rounds to settle on a busy machine (its compiler threads get their share
   * of two saturated cores, and code run per commit or per chunk reaches C2's thresholds only after tens of
   * seconds), so it gets up to 30 s before it is called not warm.
   */
  private static final int CHILD_WARM_UP_ROUNDS = 15;
  /** The most measured floods run against the child to find one in which its JIT had settled. */
  private static final int CHILD_MEASURED_RUNS = 3;
  /** Settled: the compiler threads used less than this share of the bot JVM's CPU during a warm-up round. */
  private static final double SETTLED_JIT_SHARE = 0.05;

  private Bench() {}

  public static void main(String[] args) throws IOException {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    ObjectNode results = run(options);
    new Report(results, System.out).print();
    System.out.println();
    System.out.println("written: " + options.outDir().resolve("results.json"));
    System.exit(0); // OkHttp's idle pools of the retired bots would keep the JVM up for a minute
  }

  /** Runs the chosen sections and writes {@code <outDir>/results.json}; returns what it wrote. */
  public static ObjectNode run(BenchOptions options) throws IOException {
    Files.createDirectories(options.outDir());
    ObjectNode results = JsonNodeFactory.instance.objectNode();
    results.set("machine", Machine.describe());
    results.set("options", new ObjectMapper().valueToTree(options));
    if (options.runs("memory")) {
      progress("memory and start-up (child JVM)");
      // First, while nothing else runs in this JVM: the child bot gets both cores to itself.
      Vertx vertx = Vertx.vertx();
      try (BenchHttp http = new BenchHttp(vertx, options.connections())) {
        results.set("memory", new MemoryAndStartup(http, options).run());
      } finally {
        BenchHttp.await(vertx.close(), BenchEnv.STEP_TIMEOUT);
      }
    }
    // The intake flood against the bot as operators run it, first, while this JVM is idle (see intakeInChildJvm).
    ObjectNode childIntake = options.runs("intake") ? intakeInChildJvm(options) : null;
    if (options.runs("intake") || options.runs("latency") || options.runs("card") || options.runs("outage")) {
      try (BenchEnv env = new BenchEnv(options.sizes(), options.connections())) {
        inProcess(env, options, results, childIntake);
      }
    }
    if (options.runs("digest")) {
      progress("digest fan-out");
      results.set("digest_fan_out", new DigestFanOut(options.digestChats(), options.digestJobs()).run());
    }
    ((ObjectNode) results.get("machine")).put("load_average_at_end", Machine.loadAverage());
    results.set("targets", Targets.evaluate(results));
    Files.writeString(options.outDir().resolve("results.json"),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    return results;
  }

  private static void progress(String section) {
    System.err.println("bench: " + section + "...");
  }

  /**
   * Floods until the JIT has settled (it compiled for less than a tenth of the last round), at most
   * {@link #INTAKE_WARM_UP_ROUNDS} rounds: the flood's CPU per event is then the warm bot's, not the compiler's.
   */
  private static ObjectNode warmUp(IntakeFlood flood, BenchOptions options) {
    // The table says the figures are the warm bot's, after how much of the same flood (distinct events too).
    return warmUp(flood, options, INTAKE_WARM_UP_ROUNDS, "jit_ms", Machine::jitMillis, () -> 0,
        (jit, cpu, roundMs) -> jit * 10 < roundMs);
  }

  /** Whether a warm-up round left the JIT settled, from what the JIT and the bot's JVM used during it (ms). */
  private interface Settled {
    boolean test(double jit, double cpu, long roundMs);
  }

  /**
   * Floods in rounds of {@link #warmUpRound} until {@code settled} judges a round quiet, at most {@code maxRounds}
   * (one in quick mode); says how many rounds and events, the JIT's total ({@code jitKey}) and whether it settled.
   */
  private static ObjectNode warmUp(IntakeFlood flood, BenchOptions options, int maxRounds, String jitKey,
      java.util.function.DoubleSupplier jit, java.util.function.DoubleSupplier cpu, Settled settled) {
    Duration round = warmUpRound(options);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    long events = 0;
    double jitStart = jit.getAsDouble();
    double lastShare = 0;
    boolean quiet = false;
    int rounds = 0;
    while (rounds < maxRounds) {
      double jitBefore = jit.getAsDouble();
      double cpuBefore = cpu.getAsDouble();
      events += flood.run("warmup" + rounds, round, options.connections()).path("sent").asLong();
      rounds++;
      double jitUsed = jit.getAsDouble() - jitBefore;
      double cpuUsed = cpu.getAsDouble() - cpuBefore;
      lastShare = jitUsed / Math.max(1, cpuUsed);
      quiet = settled.test(jitUsed, cpuUsed, round.toMillis());
      if (quiet || options.intakeSeconds() < 5) {
        break;
      }
    }
    o.put("rounds", rounds);
    o.put("events", events);
    o.put(jitKey, Math.round(jit.getAsDouble() - jitStart));
    if (cpu.getAsDouble() > 0) {
      o.put("last_round_jit_share", Stats.round(lastShare));
    }
    o.put("settled", quiet);
    return o;
  }

  /** One warm-up round: {@link #INTAKE_WARM_UP}, or the flood's length when that is shorter (quick mode). */
  private static Duration warmUpRound(BenchOptions options) {
    Duration flood = Duration.ofSeconds(options.intakeSeconds());
    return INTAKE_WARM_UP.compareTo(flood) > 0 ? flood : INTAKE_WARM_UP;
  }

  /** A quarter of the flood: its replies (one per mention, 50/s at most) are then drained in seconds. */
  private static Duration mixDuration(BenchOptions options) {
    return Duration.ofSeconds(Math.max(1, options.intakeSeconds() / 4));
  }

  /**
   * The intake flood against a child JVM started as operators run the bot (the Dockerfile's JDK and flags, SerialGC,
   * its heap), after warm-up rounds until its JIT settled: the CPU per event is read from /proc for that process alone, by
   * thread, so neither the emulator's nor the benchmark's own code (the in-process run's JVM hosts both, on G1 with
   * the JVM's default heap) competes with the bot for the compiler or adds to the figure.
   */
  private static ObjectNode intakeInChildJvm(BenchOptions options) {
    progress("intake (child JVM, as operators run it)");
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    // The image's JDK (Dockerfile's runtime stage), as for section 5's restarts: operators run the bot on it.
    ChildJdk jdk = ChildJdk.dockerfiles();
    Vertx vertx = Vertx.vertx();
    // The collector's log of the child: each run says how often and how long every thread stood still for it.
    ChildGcLog gcLog = new ChildGcLog(options.outDir().resolve("child-intake-gc.log"));
    try (BenchHttp http = new BenchHttp(vertx, options.connections());
        ChildBot child = ChildBot.launch(options.outDir().resolve("child-intake.log"), jdk,
            java.util.List.of(gcLog.flag()), ChildBot.newDatabaseDir())) {
      child.awaitReady(http);
      o.put("jvm", "java " + ChildBot.HEAP + " " + String.join(" ", ChildBot.JVM_FLAGS) + " "
          + String.join(" ", jdk.flags()) + " (the Dockerfile's flags)");
      o.put("child_jdk", jdk.describe());
      IntakeFlood flood = IntakeFlood.chosen(http, child.port(), options).measuringChild(child, gcLog);
      ObjectNode warm = warmUpByCpu(flood, options);
      o.set("warm_up", warm);
      // The compilers work in bursts (code run per chunk or per purge reaches C2 late): a settled warm-up round does
      // not promise a measured flood without compiling. A flood in which they still took a share is not the warm
      // figure, so it is run again (distinct events), a bounded number of times; the last one is reported.
      ObjectNode noMention;
      int runs = 0;
      do {
        noMention = flood.run(runs == 0 ? "flood" : "flood" + runs, Duration.ofSeconds(options.intakeSeconds()),
            options.connections());
        runs++;
      } while (runs < CHILD_MEASURED_RUNS && jitShare(noMention) >= SETTLED_JIT_SHARE && options.intakeSeconds() >= 5);
      noMention.put("measured_runs", runs);
      noMention.put("jit_share", Stats.round(jitShare(noMention)));
      noMention.put("warm", jitShare(noMention) < SETTLED_JIT_SHARE);
      o.set("no_mention", noMention);
      System.err.println("bench: intake child_jvm " + o);
    } finally {
      BenchHttp.await(vertx.close(), BenchEnv.STEP_TIMEOUT);
    }
    return o;
  }

  /**
   * Floods until the JIT of the bot's JVM has settled: its compiler threads used less than {@link #SETTLED_JIT_SHARE}
   * of that JVM's CPU during the round (CPU, from /proc: the compilers' wall time grows when the machine is busy), at
   * most {@link #CHILD_WARM_UP_ROUNDS} rounds; says whether it settled.
   */
  private static ObjectNode warmUpByCpu(IntakeFlood flood, BenchOptions options) {
    return warmUp(flood, options, CHILD_WARM_UP_ROUNDS, "jit_cpu_ms", flood::jitCpuMs, flood::botCpuMs,
        (jit, cpu, roundMs) -> jit < SETTLED_JIT_SHARE * cpu);
  }

  /** The share of a run's CPU (of the bot's JVM) its compiler threads took. */
  private static double jitShare(ObjectNode run) {
    double cpu = run.path("bot_cpu_us_per_event").asDouble();
    return cpu <= 0 ? 0 : run.path("jvm_cpu_us_per_event").path(ProcThreads.JIT).asDouble() / cpu;
  }

  private static void inProcess(BenchEnv env, BenchOptions options, ObjectNode results, ObjectNode childIntake) {
    if (options.runs("intake")) {
      progress("intake");
      IntakeFlood flood = IntakeFlood.chosen(env.http, env.mainBot.port(), options).measuringThisJvm()
          .countingCommits(env.dbUrl());
      ObjectNode warm = warmUp(flood, options);
      ObjectNode intake = results.putObject("intake");
      intake.set("warm_up", warm);
      if (childIntake != null) {
        intake.set("child_jvm", childIntake);
      }
      ObjectNode noMention = flood.run("flood", Duration.ofSeconds(options.intakeSeconds()), options.connections());
      intake.set("no_mention", noMention);
      // Printed at once: a later step that fails must not take these figures with it.
      System.err.println("bench: intake no_mention " + intake.get("no_mention"));
      intake.set("mix", new IntakeMix(env.sandbox, env.tenant).run(flood, "mix", mixDuration(options),
          options.connections()));
      System.err.println("bench: intake mix " + intake.get("mix"));
      intake.set("help_mentions", new HelpReplies(env.sandbox, env.tenant).run("help", options.helpEvents(),
          options.connections()));
      System.err.println("bench: intake help_mentions " + intake.get("help_mentions"));
    }
    if (options.runs("latency")) {
      progress("command latency");
      results.set("command_latency", new CommandLatency(env, options).run());
    }
    if (options.runs("card")) {
      progress("card action");
      results.set("card_action", new CardActionLatency(env, options).run());
    }
    if (options.runs("outage")) {
      progress("hire outage");
      results.set("hire_outage", new HireOutageRecovery(env, options).run());
    }
  }
}
