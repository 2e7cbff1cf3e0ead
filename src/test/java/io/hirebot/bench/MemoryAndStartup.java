package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.config.ConfigLoader;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import java.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 5: start-up time and memory of the bot in its own JVM (sandbox mode, {@value ChildBot#HEAP}). Warm-up
 * and load are signed pushes straight to its webhooks: a flood of messages, and "show candidates" button
 * clicks for every demo job (answered in the callback, so the emulator need not know the message). Restarts are
 * timed in sandbox mode and in real mode ({@link RealTenant}), with and without the Dockerfile's class-data archive.
 * Every child runs on the JDK the Dockerfile's runtime stage names ({@link ChildJdk#dockerfiles}) with that JDK's
 * archive (JDK 25: an AOT cache); when that is not this JVM's JDK, real-mode restarts on this JVM's JDK with its own
 * archive (JDK 17: dynamic CDS) are timed beside them, interleaved ({@code …_jdk<N>}).
 */
final class MemoryAndStartup {
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final int WARM_UP_READS = 2;
  private static final int LOAD_READS = 5;
  /** {@code -Dhirebot.bench.nmt}: the child tracks its native memory and the summary is kept beside the results. */
  private static final boolean NMT = Boolean.getBoolean("hirebot.bench.nmt");
  /**
   * {@code -Dhirebot.bench.startupOnly}: the first child only migrates the database and is stopped once healthy (no
   * commands, flood or RSS): the restarts alone, for an A/B of a start-up change in a minute or two.
   */
  private static final boolean STARTUP_ONLY = Boolean.getBoolean("hirebot.bench.startupOnly");
  /**
   * {@code -Dhirebot.bench.firstCommandOnly}: the first child only migrates the database and is stopped once healthy,
   * then {@link FirstCommands} alone: an A/B of the first command in a minute or two.
   */
  private static final boolean FIRST_COMMAND_ONLY = Boolean.getBoolean("hirebot.bench.firstCommandOnly");

  private final BenchHttp http;
  private final BenchOptions options;
  private long clicks;

  MemoryAndStartup(BenchHttp http, BenchOptions options) {
    this.http = http;
    this.options = options;
  }

  ObjectNode run() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ChildJdk jdk = ChildJdk.dockerfiles();
    out.put("child_jdk", jdk.describe());
    List<Job> jobs = openJobs();
    Path database = ChildBot.newDatabaseDir();
    try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-bot.log"), jdk,
        NMT ? List.of("-XX:NativeMemoryTracking=summary") : List.of(), database)) {
      out.put("heap", ChildBot.HEAP);
      out.put("healthy_ms", Stats.round(child.awaitHealthy(http)));
      // CPU spent until healthy: unlike the wall time, it does not grow when other work shares the machine.
      out.put("cpu_ms_to_healthy", Stats.round(child.cpuMs()));
      if (!STARTUP_ONLY && !FIRST_COMMAND_ONLY) {
        commandsAndLoad(out, child, jobs);
      }
    }
    restarts(out, jdk, database);
    out.put("target_judged_on", "real_restart");
    return out;
  }

  /** The first command, a flood and card reads against the first child; its RSS and CPU per event. */
  private void commandsAndLoad(ObjectNode out, ChildBot child, List<Job> jobs) {
    BenchEnv.awaitIdentity(http, child.port());
    out.put("identity_known_ms", Stats.round(child.sinceLaunchMs()));
    // One sample each, on the first start in sandbox mode (the emulator in the bot's JVM, its code cold too), as
    // earlier sessions measured it; the target is judged on FirstCommands' medians of fresh real-mode JVMs.
    double cpu = child.cpuMs();
    out.put("sandbox_first_command_ms", Stats.round(timedClick(child.port(), jobs.get(0), "first")));
    out.put("sandbox_first_command_cpu_ms", Stats.round(child.cpuMs() - cpu));
    IntakeFlood flood = new IntakeFlood(http, child.port());
    flood.run("warm", options.intakeSeconds() < 5 ? Duration.ofSeconds(1) : WARM_UP, options.connections());
    readCandidates(child.port(), List.of(jobs.get(0)), WARM_UP_READS);
    cpu = child.cpuMs();
    out.put("sandbox_warm_command_ms", Stats.round(timedClick(child.port(), jobs.get(1), "warm")));
    out.put("sandbox_warm_command_cpu_ms", Stats.round(child.cpuMs() - cpu));
    out.put("sandbox_first_command_jobs", jobs.get(0).id() + " then " + jobs.get(1).id());
    out.put("card_reads_warm_up", WARM_UP_READS * jobs.size());
    out.put("card_reads_ok_warm_up", readCandidates(child.port(), jobs, WARM_UP_READS));
    out.put("rss_after_warm_up_mb", Stats.round(child.rssMb()));
    double cpuBefore = child.cpuMs();
    ObjectNode load = flood.run("load", Duration.ofSeconds(options.childSeconds()), options.connections());
    // CPU per event does not depend on what else runs on the machine, unlike events per second.
    out.put("bot_cpu_us_per_event", Stats.round((child.cpuMs() - cpuBefore) * 1000 / Math.max(1, load.path("acked").asLong())));
    out.set("intake_child_jvm", load);
    out.put("card_reads_load", LOAD_READS * jobs.size());
    out.put("card_reads_ok_load", readCandidates(child.port(), jobs, LOAD_READS));
    out.put("rss_after_runs_mb", Stats.round(child.rssMb()));
    out.put("rss_peak_mb", Stats.round(child.peakRssMb()));
    out.put("threads_after_runs", child.threads());
    if (NMT) {
      child.nativeMemory(options.outDir().resolve("child-native-memory.txt"));
    }
  }

  /**
   * Restarts: each a new JVM on the database the first one created and migrated, as every deploy after the first; in
   * sandbox mode (the emulator and its demo tenant in the bot's JVM, as the README's earlier figures) and in real
   * mode against the emulator in this JVM over TLS, as operators run it, with and without the archive, all kinds
   * interleaved run by run so that a change in the machine's load touches each alike. The targets are judged on real
   * mode on the Dockerfile's JDK.
   */
  private void restarts(ObjectNode out, ChildJdk jdk, Path database) {
    Restarts restarts = new Restarts();
    try (RealTenant tenant = RealTenant.start(options.outDir().toAbsolutePath(), jdk)) {
      List<String> archive = FIRST_COMMAND_ONLY ? null : timeRestarts(out, restarts, jdk, database, tenant);
      if (!STARTUP_ONLY) {
        FirstCommands first = new FirstCommands(http, tenant, quick());
        first.run(out, options.firstCommands(), jdk, List.of(), database, options.outDir(), "child-first-command");
        // A start from the cache skips the warm-up's throwaway bot (app/WarmUp): its first command is timed too.
        if (archive != null) {
          first.run(out.putObject("first_command_with_cache"), options.firstCommands(), jdk, archive, database,
              options.outDir(), "child-first-command-cache");
        }
      }
    }
    restarts.write(out);
  }

  /**
   * Each kind of restart {@code options.restarts()} times, interleaved. @return the flags of a start from the
   * Dockerfile's archive, or null when it could not be made
   */
  private List<String> timeRestarts(ObjectNode out, Restarts restarts, ChildJdk jdk, Path database,
      RealTenant tenant) {
    // The earlier JDK beside the Dockerfile's, for the session that changes it (not in the smoke test's quick run).
    List<ChildJdk> compared = jdk.major() == ChildJdk.current().major() || quick() ? List.of()
        : List.of(ChildJdk.current());
    List<String> archive = archive(out, jdk, "");
    if (archive != null) {
      firstStartWithArchive(out, jdk, archive);
    }
    Map<ChildJdk, List<String>> comparedArchives = new LinkedHashMap<>();
    for (ChildJdk other : compared) {
      comparedArchives.put(other, archive(out, other, suffix(other)));
    }
    for (int run = 0; run < options.restarts(); run++) {
      restarts.add("restart", launchSandbox("child-restart", run, jdk, List.of(), database));
      restarts.add("real_restart", launchReal("child-real-restart", run, jdk, List.of(), database, tenant));
      if (archive != null) {
        restarts.add("with_cds_restart", launchSandbox("child-cds-restart", run, jdk, archive, database));
        restarts.add("real_with_cds_restart",
            launchReal("child-real-cds-restart", run, jdk, archive, database, tenant));
      }
      for (var other : comparedArchives.entrySet()) {
        String suffix = suffix(other.getKey());
        restarts.add("real_restart" + suffix,
            launchReal("child-real-restart" + suffix, run, other.getKey(), List.of(), database, tenant));
        if (other.getValue() != null) {
          restarts.add("real_with_cds_restart" + suffix, launchReal("child-real-cds-restart" + suffix, run,
              other.getKey(), other.getValue(), database, tenant));
        }
      }
    }
    return archive;
  }

  /** The benchmark's quick mode (the smoke test's), by its one-second floods. */
  private boolean quick() {
    return options.intakeSeconds() < 5;
  }

  private static String suffix(ChildJdk other) {
    return "_jdk" + other.major();
  }

  private ChildBot launchSandbox(String name, int run, ChildJdk jdk, List<String> flags, Path database) {
    return ChildBot.launch(options.outDir().resolve(logName(name, run)), jdk, flags, database);
  }

  private ChildBot launchReal(String name, int run, ChildJdk jdk, List<String> flags, Path database,
      RealTenant tenant) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(tenant.jvmFlags());
    return ChildBot.launch(options.outDir().resolve(logName(name, run)), jdk, all, tenant.env(database));
  }

  /** {@code name.log} for the first run (the names earlier results used), {@code name-<run>.log} after it. */
  private static String logName(String name, int run) {
    return run == 0 ? name + ".log" : name + "-" + run + ".log";
  }

  /**
   * Time to healthy and CPU to healthy of each restart, by kind: {@code healthy_ms_<kind>} and
   * {@code cpu_ms_to_healthy_<kind>} are the median of the runs ({@code --restarts}), each run's figure in
   * {@code <key>_runs}; {@code thread_cpu_ms_<kind>} is the first run's CPU at healthy by thread.
   */
  private final class Restarts {
    private final Map<String, List<double[]>> runs = new LinkedHashMap<>();
    /** The first run's CPU by thread, per kind. */
    private final Map<String, Map<String, Double>> threads = new LinkedHashMap<>();

    /** Waits for {@code child} to be healthy, records it under {@code kind}, and stops it. */
    void add(String kind, ChildBot child) {
      try (child) {
        double healthy = child.awaitHealthy(http);
        double cpu = child.cpuMs();
        if (!runs.containsKey(kind)) {
          threads.put(kind, child.threadCpuMs());
        }
        runs.computeIfAbsent(kind, k -> new ArrayList<>()).add(new double[] {healthy, cpu});
      }
    }

    void write(ObjectNode out) {
      runs.forEach((kind, list) -> {
        put(out, "healthy_ms_" + kind, list.stream().mapToDouble(r -> r[0]).toArray());
        put(out, "cpu_ms_to_healthy_" + kind, list.stream().mapToDouble(r -> r[1]).toArray());
        ObjectNode byThread = out.putObject("thread_cpu_ms_" + kind);
        threads.get(kind).forEach((name, ms) -> byThread.put(name, Stats.round(ms)));
      });
    }

    private void put(ObjectNode out, String key, double[] values) {
      out.put(key, Stats.round(Stats.median(values)));
      if (values.length > 1) {
        var array = out.putArray(key + "_runs");
        for (double v : values) {
          array.add(Stats.round(v));
        }
      }
    }
  }

  /**
   * The Dockerfile's archive for {@code jdk} (its AOT cache on JDK 25, its dynamic CDS archive on 17) on this jar:
   * one training start as the image build's (sandbox mode on an empty database, stopped by SIGTERM once healthy) that
   * writes it as it exits; the flags of a start that uses it, or null (the error in {@code cds_error<suffix>}). Only
   * classes from jars are archived.
   */
  private List<String> archive(ObjectNode out, ChildJdk jdk, String suffix) {
    Path archive = jdk.archive(options.outDir().toAbsolutePath());
    try {
      ChildBot.trainArchive(options.outDir().resolve("child-cds-training" + suffix + ".log"), jdk, List.of(), archive,
          ChildBot.newDatabaseDir(), http);
      out.put("cds_archive_mb" + suffix, Stats.round(Files.size(archive) / 1e6));
      out.put("cds_archive" + suffix, String.join(" ", jdk.recordArchive(archive)) + " → "
          + String.join(" ", jdk.useArchive(archive)));
      return jdk.useArchive(archive);
    } catch (IOException | RuntimeException e) {
      out.put("cds_error" + suffix, e.toString());
      return null;
    }
  }

  /** A first start (empty database: every migration) with the archive, in sandbox mode. */
  private void firstStartWithArchive(ObjectNode out, ChildJdk jdk, List<String> archive) {
    try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-cds.log"), jdk, archive,
        ChildBot.newDatabaseDir())) {
      out.put("healthy_ms_with_cds", Stats.round(child.awaitHealthy(http)));
      out.put("cpu_ms_to_healthy_with_cds", Stats.round(child.cpuMs()));
    }
  }

  /** One "show candidates" click on {@code job} by a new member; its answer time in ms (-1 without a card). */
  private double timedClick(int port, Job job, String runId) {
    SealedPush push = showCandidates(job, "ev_timed_" + runId + "_" + job.id());
    long t0 = System.nanoTime();
    BenchHttp.Response r = BenchHttp.await(http.post(port, "/webhook/card", push), Duration.ofSeconds(10));
    double ms = (System.nanoTime() - t0) / 1e6;
    return r.status() == 200 && r.body().contains("\"card\"") ? ms : -1;
  }

  /** Clicks "show candidates" for each open demo job {@code rounds} times; returns the answers carrying a card. */
  private int readCandidates(int port, List<Job> jobs, int rounds) {
    int ok = 0;
    for (int round = 0; round < rounds; round++) {
      for (Job job : jobs) {
        SealedPush push = showCandidates(job, "ev_card_" + round + "_" + job.id() + "_" + clicks);
        BenchHttp.Response r = BenchHttp.await(http.post(port, "/webhook/card", push), Duration.ofSeconds(10));
        if (r.status() == 200 && r.body().contains("\"card\"")) {
          ok++;
        }
      }
    }
    return ok;
  }

  /**
   * A click on {@code job}'s list pager (the list in place of the card; "Show candidates" on a group's card would post
   * it as a reply instead) by a new member each time: the bot's per-user budget (commands and clicks together) would
   * otherwise answer "slow down" after ten, and the benchmark would time the refusal.
   */
  private SealedPush showCandidates(Job job, String eventId) {
    return SealedPush.seal(Envelopes.cardClick(eventId, Envelopes.clicker(clicks++), "om_card_" + job.id(),
        "oc_demo_team", Envelopes.pageValue(CandidatesFeature.PAGE, job.id(), 0)), ConfigLoader.SANDBOX_ENCRYPT_KEY);
  }

  private static List<Job> openJobs() {
    return DemoTenant.seed(Clock.systemUTC()).jobs.values().stream().filter(j -> j.activeStatus() == 1).toList();
  }
}
