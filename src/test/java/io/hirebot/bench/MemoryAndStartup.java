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
import java.util.List;

/**
 * Section 5: start-up time and memory of the bot in its own JVM (sandbox mode, {@value ChildBot#HEAP}). Warm-up
 * and load are signed pushes straight to its webhooks: a flood of messages, and "show candidates" button
 * clicks for every demo job (answered in the callback, so the emulator need not know the message).
 */
final class MemoryAndStartup {
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final int WARM_UP_READS = 2;
  private static final int LOAD_READS = 5;
  private static final Duration ARCHIVE_WRITE = Duration.ofSeconds(120);
  /** {@code -Dhirebot.bench.nmt}: the child tracks its native memory and the summary is kept beside the results. */
  private static final boolean NMT = Boolean.getBoolean("hirebot.bench.nmt");

  private final BenchHttp http;
  private final BenchOptions options;
  private long clicks;

  MemoryAndStartup(BenchHttp http, BenchOptions options) {
    this.http = http;
    this.options = options;
  }

  ObjectNode run() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    List<Job> jobs = openJobs();
    Path database = ChildBot.newDatabaseDir();
    try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-bot.log"),
        NMT ? List.of("-XX:NativeMemoryTracking=summary") : List.of(), database)) {
      out.put("heap", ChildBot.HEAP);
      out.put("healthy_ms", Stats.round(child.awaitHealthy(http)));
      // CPU spent until healthy: unlike the wall time, it does not grow when other work shares the machine.
      out.put("cpu_ms_to_healthy", Stats.round(child.cpuMs()));
      BenchEnv.awaitIdentity(http, child.port());
      out.put("identity_known_ms", Stats.round(child.sinceLaunchMs()));
      // The first command of a fresh JVM against the first read of another job once the JVM is warm: both read
      // Hire (cold cache) and render the same card, so the difference is class loading and JIT.
      double cpu = child.cpuMs();
      out.put("first_command_ms", Stats.round(timedClick(child.port(), jobs.get(0), "first")));
      // The child's CPU for the command (JIT threads included): unlike the wall time, it hardly moves with the load.
      out.put("first_command_cpu_ms", Stats.round(child.cpuMs() - cpu));
      IntakeFlood flood = new IntakeFlood(http, child.port());
      flood.run("warm", options.intakeSeconds() < 5 ? Duration.ofSeconds(1) : WARM_UP, options.connections());
      readCandidates(child.port(), List.of(jobs.get(0)), WARM_UP_READS);
      cpu = child.cpuMs();
      out.put("warm_command_ms", Stats.round(timedClick(child.port(), jobs.get(1), "warm")));
      out.put("warm_command_cpu_ms", Stats.round(child.cpuMs() - cpu));
      out.put("first_command_jobs", jobs.get(0).id() + " then " + jobs.get(1).id());
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
    // A restart: a new JVM on the database the first one created and migrated, as every deploy after the first.
    try (ChildBot restart = ChildBot.launch(options.outDir().resolve("child-restart.log"), List.of(), database)) {
      out.put("healthy_ms_restart", Stats.round(restart.awaitHealthy(http)));
      out.put("cpu_ms_to_healthy_restart", Stats.round(restart.cpuMs()));
    }
    classDataSharing(out, database);
    return out;
  }

  /**
   * The Dockerfile's class-data sharing, with its flags, on this jar: one training start (empty database, as the
   * image build's) that writes the archive at exit, then a first start and a restart on {@code database} that use
   * it; their time to healthy. Only classes from jars are archived.
   */
  private void classDataSharing(ObjectNode out, Path database) {
    Path archive = options.outDir().toAbsolutePath().resolve("hirebot.jsa");
    try {
      Files.deleteIfExists(archive);
      try (ChildBot training = ChildBot.launch(options.outDir().resolve("child-cds-training.log"),
          List.of("-XX:ArchiveClassesAtExit=" + archive))) {
        training.awaitHealthy(http);
        training.stop(ARCHIVE_WRITE); // SIGTERM, as the Dockerfile's training: the JVM writes the archive as it exits
      }
      List<String> shared = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
      try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-cds.log"), shared)) {
        out.put("cds_archive_mb", Stats.round(Files.size(archive) / 1e6));
        out.put("healthy_ms_with_cds", Stats.round(child.awaitHealthy(http)));
        out.put("cpu_ms_to_healthy_with_cds", Stats.round(child.cpuMs()));
      }
      try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-cds-restart.log"), shared, database)) {
        out.put("healthy_ms_with_cds_restart", Stats.round(child.awaitHealthy(http)));
        out.put("cpu_ms_to_healthy_with_cds_restart", Stats.round(child.cpuMs()));
      }
    } catch (IOException | RuntimeException e) {
      out.put("cds_error", e.toString());
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
   * A "show candidates" click on {@code job} by a new member each time: the bot's per-user budget (commands and
   * clicks together) would otherwise answer "slow down" after ten, and the benchmark would time the refusal.
   */
  private SealedPush showCandidates(Job job, String eventId) {
    return SealedPush.seal(Envelopes.cardClick(eventId, Envelopes.clicker(clicks++), "om_card_" + job.id(),
        "oc_demo_team", Envelopes.pageValue(CandidatesFeature.SHOW, job.id(), 0)), ConfigLoader.SANDBOX_ENCRYPT_KEY);
  }

  private static List<Job> openJobs() {
    return DemoTenant.seed(Clock.systemUTC()).jobs.values().stream().filter(j -> j.activeStatus() == 1).toList();
  }
}
