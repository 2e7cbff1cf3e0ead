package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.config.ConfigLoader;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import java.nio.file.Path;
import java.time.Clock;
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

  private final BenchHttp http;
  private final BenchOptions options;
  private long clicks;

  MemoryAndStartup(BenchHttp http, BenchOptions options) {
    this.http = http;
    this.options = options;
  }

  ObjectNode run() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    try (ChildBot child = ChildBot.launch(options.outDir().resolve("child-bot.log"))) {
      out.put("heap", ChildBot.HEAP);
      out.put("healthy_ms", Stats.round(child.awaitHealthy(http)));
      // CPU spent until healthy: unlike the wall time, it does not grow when other work shares the machine.
      out.put("cpu_ms_to_healthy", Stats.round(child.cpuMs()));
      BenchEnv.awaitIdentity(http, child.port());
      out.put("identity_known_ms", Stats.round(child.sinceLaunchMs()));
      IntakeFlood flood = new IntakeFlood(http, child.port());
      flood.run("warm", options.intakeSeconds() < 5 ? Duration.ofSeconds(1) : WARM_UP, options.connections());
      out.put("card_reads_warm_up", WARM_UP_READS * openJobs().size());
      out.put("card_reads_ok_warm_up", readCandidates(child.port(), WARM_UP_READS));
      out.put("rss_after_warm_up_mb", Stats.round(child.rssMb()));
      double cpuBefore = child.cpuMs();
      ObjectNode load = flood.run("load", Duration.ofSeconds(options.childSeconds()), options.connections());
      // CPU per event does not depend on what else runs on the machine, unlike events per second.
      out.put("bot_cpu_us_per_event", Stats.round((child.cpuMs() - cpuBefore) * 1000 / Math.max(1, load.path("acked").asLong())));
      out.set("intake_child_jvm", load);
      out.put("card_reads_load", LOAD_READS * openJobs().size());
      out.put("card_reads_ok_load", readCandidates(child.port(), LOAD_READS));
      out.put("rss_after_runs_mb", Stats.round(child.rssMb()));
      out.put("rss_peak_mb", Stats.round(child.peakRssMb()));
    }
    return out;
  }

  /** Clicks "show candidates" for each open demo job {@code rounds} times; returns the answers carrying a card. */
  private int readCandidates(int port, int rounds) {
    List<Job> jobs = openJobs();
    int ok = 0;
    for (int round = 0; round < rounds; round++) {
      for (Job job : jobs) {
        String eventId = "ev_card_" + round + "_" + job.id();
        // Each click by another member: the bot's per-user budget (commands and clicks together) would
        // otherwise answer "slow down" after ten, and the benchmark would time the refusal, not the read.
        SealedPush push = SealedPush.seal(Envelopes.cardClick(eventId, Envelopes.clicker(clicks++), "om_card_" + job.id(),
            "oc_demo_team", Envelopes.pageValue(CandidatesFeature.SHOW, job.id(), 0)), ConfigLoader.SANDBOX_ENCRYPT_KEY);
        BenchHttp.Response r = BenchHttp.await(http.post(port, "/webhook/card", push), Duration.ofSeconds(10));
        if (r.status() == 200 && r.body().contains("\"card\"")) {
          ok++;
        }
      }
    }
    return ok;
  }

  private static List<Job> openJobs() {
    return DemoTenant.seed(Clock.systemUTC()).jobs.values().stream().filter(j -> j.activeStatus() == 1).toList();
  }
}
