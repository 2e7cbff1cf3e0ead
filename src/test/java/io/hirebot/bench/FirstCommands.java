package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Section 5's first command against warm ones, on several fresh JVMs so that one sample's noise does not decide the
 * target: each a real-mode restart (the emulator outside over TLS, as operators run the bot) that times its first
 * "candidates for job X" command (an @-mention pushed by the emulator, timed to the reply reaching its IM API) once
 * it knows its identity, warms up on more commands, and times more. Every timed command reads a twin job (one
 * process, the same number of applications and name lengths) that this JVM has not read yet: the same Hire calls
 * with a cold cache, the same card sent the same way, and no emulator latency for any, so that first ÷ warm is about
 * the JVM's warmth and not about how much upstream work a job needs.
 */
final class FirstCommands {
  private static final int APPLICATIONS = 6;
  /** Before each warm sample: the bot's client-side rate budgets refill and the JIT queue drains, as between users. */
  private static final Duration SETTLE = Duration.ofMillis(400);
  /** Between untimed commands: Feishu takes 5 messages a second per chat, and the bot holds its replies to that. */
  private static final Duration PACE = Duration.ofMillis(220);
  /**
   * Before each timed click: the page's get_detail calls (10 a second) find their budget full again after the
   * command's, so that a click waits for no permit (as in the card-action section).
   */
  private static final Duration CLICK_SETTLE = Duration.ofMillis(1_100);
  private static final Duration CLICK_TIMEOUT = Duration.ofSeconds(30);

  /** One JVM's samples. */
  private record Run(double firstMs, double firstCpuMs, double firstAtMs, int firstHireCalls, double warmMs,
      double warmCpuMs, double warmHireCalls, long firstConnections, double warmConnections, double firstClickMs,
      double warmClickMs) {}

  /** CPU by thread (digits dropped from names) that the first commands took, and as much of the warm ones. */
  private final Map<String, Double> firstThreads = new TreeMap<>();
  private final Map<String, Double> warmThreads = new TreeMap<>();

  private final BenchHttp http;
  private final RealTenant tenant;
  private final int warmSamples;
  private final int warmUpCommands;
  private final List<Job> twins;
  private final CommandProbe probe;
  /** Clicks so far: each by another member, so that no user's own budget is what is timed. */
  private long clicks;

  FirstCommands(BenchHttp http, RealTenant tenant, boolean quick) {
    this.http = http;
    this.tenant = tenant;
    this.warmSamples = quick ? 2 : 3;
    this.warmUpCommands = quick ? 4 : 12;
    this.twins = twins(tenant, 1 + warmSamples + warmUpCommands);
    // The one group the bot's database has enabled (the first, sandbox-mode start did): real mode shares it.
    this.probe = new CommandProbe(tenant.sandbox(), n -> ImState.DEMO_TEAM_CHAT);
  }

  /**
   * {@code runs} fresh JVMs of {@code jdk} with {@code flags} on {@code database}, their logs named after
   * {@code logName}; the medians go to {@code out} under {@code first_command_ms}, {@code warm_command_ms} and friends
   * (each JVM's figure in {@code <key>_runs}).
   */
  void run(ObjectNode out, int runs, ChildJdk jdk, List<String> flags, Path database, Path logDir, String logName) {
    tenant.sandbox().faults().clear(); // no upstream latency for any sample (and rate limits as Feishu's)
    firstThreads.clear();
    warmThreads.clear();
    List<Run> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      List<String> all = new ArrayList<>(flags);
      all.addAll(tenant.jvmFlags());
      Path log = logDir.resolve(i == 0 ? logName + ".log" : logName + "-" + i + ".log");
      try (ChildBot child = ChildBot.launch(log, jdk, all, tenant.env(database))) {
        results.add(measure(child));
      }
    }
    out.put("first_command_mode", "real-mode restart, " + runs + " fresh JVM(s): each its first \"candidates for "
        + "job\" command, then " + warmUpCommands + " untimed and " + warmSamples + " timed ones, each on a twin job "
        + "not read yet; a click on the first card's pager after the first command, and on each timed one's after them");
    put(out, "first_command_ms", results, Run::firstMs);
    put(out, "warm_command_ms", results, Run::warmMs);
    put(out, "first_over_warm", results, r -> r.firstMs() / r.warmMs());
    // The child's CPU for the command (JIT threads included): unlike the wall time, it hardly moves with the load.
    put(out, "first_command_cpu_ms", results, Run::firstCpuMs);
    put(out, "warm_command_cpu_ms", results, Run::warmCpuMs);
    put(out, "first_command_hire_calls", results, Run::firstHireCalls);
    put(out, "warm_command_hire_calls", results, Run::warmHireCalls);
    // New TLS connections to Feishu (each a handshake) while the command ran: the pool is warm for the warm ones.
    put(out, "first_command_new_connections", results, Run::firstConnections);
    put(out, "warm_command_new_connections", results, Run::warmConnections);
    // When the first command was pushed, from the child's launch: where to look in a class-load or JIT log.
    put(out, "first_command_at_ms", results, Run::firstAtMs);
    out.put("first_command_jobs", twins.get(0).title() + " then " + warmSamples + " twins");
    // The first click after a start (the candidates card's pager, answered with the card in place) against warm ones:
    // the card-action path is the warm-up's too, and no target times it cold otherwise.
    put(out, "first_click_ms", results, Run::firstClickMs);
    put(out, "warm_click_ms", results, Run::warmClickMs);
    put(out, "first_click_over_warm", results, r -> r.firstClickMs() / r.warmClickMs());
    // Where the first command's extra CPU goes (the JIT's threads, the Hire pool's, the event loops'), per JVM.
    ObjectNode byThread = out.putObject("first_vs_warm_command_thread_cpu_ms");
    firstThreads.forEach((name, ms) -> byThread.put(name, Stats.round(ms / runs) + " / "
        + Stats.round(warmThreads.getOrDefault(name, 0.0) / runs)));
  }

  private static void addDifference(Map<String, Double> sum, Map<String, Double> before, Map<String, Double> after,
      double weight) {
    after.forEach((name, ms) -> {
      double d = ms - before.getOrDefault(name, 0.0);
      if (d > 0) {
        sum.merge(name, d * weight, Double::sum);
      }
    });
  }

  private Run measure(ChildBot child) {
    child.awaitHealthy(http);
    BenchEnv.awaitIdentity(http, child.port());
    tenant.sandbox().botUrls(child.url("/webhook/event"), child.url("/webhook/card"));
    double cpu = child.cpuMs();
    double at = child.sinceLaunchMs();
    Map<String, Double> threads = child.threadCpuMs();
    long connections = tenant.connections();
    CommandProbe.Sample first = ask(twins.get(0));
    long firstConnections = tenant.connections() - connections;
    double firstCpu = child.cpuMs() - cpu;
    addDifference(firstThreads, threads, child.threadCpuMs(), 1);
    double firstClick = click(first, twins.get(0));
    for (int i = 0; i < warmUpCommands; i++) {
      Pause.millis(PACE.toMillis());
      ask(twins.get(1 + warmSamples + i));
    }
    CommandProbe.Sample[] warm = new CommandProbe.Sample[warmSamples];
    double[] warmMs = new double[warmSamples];
    double[] warmCpu = new double[warmSamples];
    double warmCalls = 0;
    long warmConnections = 0;
    for (int i = 0; i < warmSamples; i++) {
      Pause.millis(SETTLE.toMillis());
      cpu = child.cpuMs();
      threads = child.threadCpuMs();
      connections = tenant.connections();
      warm[i] = ask(twins.get(1 + i));
      warmConnections += tenant.connections() - connections;
      warmCpu[i] = child.cpuMs() - cpu;
      addDifference(warmThreads, threads, child.threadCpuMs(), 1.0 / warmSamples);
      warmMs[i] = warm[i].nanos() / 1e6;
      warmCalls += warm[i].hireCalls().size();
    }
    double[] warmClicks = new double[warmSamples];
    for (int i = 0; i < warmSamples; i++) {
      warmClicks[i] = click(warm[i], twins.get(1 + i));
    }
    return new Run(first.nanos() / 1e6, firstCpu, at, first.hireCalls().size(), Stats.median(warmMs),
        Stats.median(warmCpu), warmCalls / warmSamples, firstConnections, (double) warmConnections / warmSamples,
        firstClick, Stats.median(warmClicks));
  }

  /**
   * The answer time (ms) of a click on the pager of {@code command}'s card (its first page again, by another member
   * each time): a click answered otherwise than with the card in place would make the time meaningless.
   */
  private double click(CommandProbe.Sample command, Job job) {
    Pause.millis(CLICK_SETTLE.toMillis());
    PushResult r = BenchHttp.await(tenant.sandbox().events().cardAction(Envelopes.pagerClick(
        command.reply().messageId(), job.id(), 0, Envelopes.clicker(clicks++))), CLICK_TIMEOUT);
    if (r.status() != 200 || !r.jsonBody().containsKey("card") || !r.body().contains(job.title())) {
      throw new IllegalStateException("unexpected answer to the pager of " + job.code() + ": " + r.status() + " "
          + r.body());
    }
    return r.latency().toNanos() / 1e6;
  }

  /** "candidates for job <code>" as a user asks it; a reply without the job's card would make the time meaningless. */
  private CommandProbe.Sample ask(Job job) {
    CommandProbe.Sample s = probe.ask("candidates for job " + job.code());
    String card = s.reply().currentContent().toString();
    if (!card.contains(job.title()) || !card.contains("Twin Talent ")) {
      throw new IllegalStateException("unexpected reply to the candidates command on " + job.code() + ": " + card);
    }
    return s;
  }

  /** {@code count} jobs alike in all the card shows: one process, {@link #APPLICATIONS} applications over its stages. */
  private static List<Job> twins(RealTenant tenant, int count) {
    var hire = tenant.sandbox().hire();
    Job like = hire.jobByCode("BE-001").orElseThrow(() -> new IllegalStateException("demo job BE-001 missing"));
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      String n = String.format("%02d", j);
      Job job = hire.addJob("Twin Role " + n, "TWIN-" + n, like.processId(), like.recruiterId(),
          like.hiringManagerIds().get(0));
      List<Stage> stages = hire.stagesOf(job.id());
      for (int i = 0; i < APPLICATIONS; i++) {
        Talent t = hire.addTalent("Twin Talent " + n + "-" + i, String.format("1370%03d%04d", j, i),
            "twin" + n + "-" + i + "@example.com");
        hire.addApplication(job.id(), t.id(), stages.get(i % stages.size()).id());
      }
      jobs.add(job);
    }
    return jobs;
  }

  private static void put(ObjectNode out, String key, List<Run> runs, ToDoubleFunction<Run> figure) {
    double[] values = runs.stream().mapToDouble(figure).toArray();
    out.put(key, Stats.round(Stats.median(values)));
    var array = out.putArray(key + "_runs");
    for (double v : values) {
      array.add(Stats.round(v));
    }
  }
}
