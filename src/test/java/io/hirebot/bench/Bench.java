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
    if (options.runs("intake") || options.runs("latency") || options.runs("card") || options.runs("outage")) {
      try (BenchEnv env = new BenchEnv(options.sizes(), options.connections())) {
        inProcess(env, options, results);
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
    Duration round = INTAKE_WARM_UP.compareTo(Duration.ofSeconds(options.intakeSeconds())) > 0
        ? Duration.ofSeconds(options.intakeSeconds()) : INTAKE_WARM_UP;
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    long events = 0;
    long jitStart = Machine.jitMillis();
    int rounds = 0;
    while (rounds < INTAKE_WARM_UP_ROUNDS) {
      long jitBefore = Machine.jitMillis();
      events += flood.run("warmup" + rounds, round, options.connections()).path("sent").asLong();
      rounds++;
      if ((Machine.jitMillis() - jitBefore) * 10 < round.toMillis() || options.intakeSeconds() < 5) {
        break;
      }
    }
    // The table says the figures are the warm bot's, after how much of the same flood (distinct events too).
    o.put("rounds", rounds);
    o.put("events", events);
    o.put("jit_ms", Machine.jitMillis() - jitStart);
    return o;
  }

  /** A quarter of the flood: its replies (one per mention, 50/s at most) are then drained in seconds. */
  private static Duration mixDuration(BenchOptions options) {
    return Duration.ofSeconds(Math.max(1, options.intakeSeconds() / 4));
  }

  private static void inProcess(BenchEnv env, BenchOptions options, ObjectNode results) {
    if (options.runs("intake")) {
      progress("intake");
      IntakeFlood flood = IntakeFlood.chosen(env.http, env.mainBot.port(), options).measuringThisJvm()
          .countingCommits(env.dbUrl());
      ObjectNode warm = warmUp(flood, options);
      ObjectNode intake = results.putObject("intake");
      intake.set("warm_up", warm);
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
