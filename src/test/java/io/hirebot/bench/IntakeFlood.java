package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.config.ConfigLoader;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Floods a bot's /webhook/event with signed, encrypted group messages that do not mention it (acked and
 * dropped: the cheapest real work), then checks on the bot's /metrics that every acked event was handled once.
 * The load comes from {@code wrk} replaying pre-signed events ({@link WrkReplay}) when it was given one, else from
 * the Java client in this JVM ({@link IntakeLoad}), which builds, encrypts and signs each event as it sends it.
 */
final class IntakeFlood {
  static final String RECEIVED = "hirebot_events_received_total";
  static final String DUPLICATES = "hirebot_events_duplicate_total";
  static final String REJECTED = "hirebot_events_rejected_total";
  private static final String MESSAGES = "kind=\"IncomingMessage\"";
  private static final String FLOOD_CHAT = "oc_bench_flood";
  /** wrk's events for a run without an earlier rate to size them by (the warm-up), per second of the run. */
  static final long FIRST_RUN_EVENTS_PER_S = 10_000;
  /** The most events written for wrk per second of a run (each is ~1.2 KB in its file and in wrk's memory). */
  static final long MAX_EVENTS_PER_S = 15_000;
  /** A run's events are the previous run's rate times its length times this, so it rarely ends early. */
  static final double HEADROOM = 1.5;

  private final BenchHttp http;
  private final int port;
  private final WrkReplay wrk;
  private final String generatorNote;
  private double lastRate;
  private boolean measureThisJvm;
  private ChildBot child;
  private ChildGcLog gcLog;
  private String dbUrl;

  /** The Java generator (the Vert.x client of {@code http}). */
  IntakeFlood(BenchHttp http, int port) {
    this(http, port, null, "java generator chosen");
  }

  /** @param wrk the wrk generator, or null for the Java one; {@code generatorNote} says why this one */
  IntakeFlood(BenchHttp http, int port, WrkReplay wrk, String generatorNote) {
    this.http = http;
    this.port = port;
    this.wrk = wrk;
    this.generatorNote = generatorNote;
  }

  /** The generator {@code options} ask for: wrk when wanted and found (or installed), else the Java client. */
  static IntakeFlood chosen(BenchHttp http, int port, BenchOptions options) {
    if ("java".equals(options.generator())) {
      return new IntakeFlood(http, port);
    }
    WrkReplay.Located located = WrkReplay.locate(options.installWrk());
    if (located.path() == null) {
      if ("wrk".equals(options.generator())) {
        throw new IllegalStateException("--generator wrk: " + located.note());
      }
      System.err.println("bench: intake generator: java (" + located.note() + ")");
      return new IntakeFlood(http, port, null, located.note() + "; fell back to the java generator");
    }
    System.err.println("bench: intake generator: wrk (" + located.note() + ")");
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), options.connections());
    return new IntakeFlood(http, port, new WrkReplay(located.path(), options.outDir().resolve("wrk"), threads),
        located.note());
  }

  /**
   * The bot runs in this JVM (with the idle emulator): each run also says this JVM's CPU per event while the
   * events were sent (not while wrk's files were written), by thread group, and how long the JIT compiled meanwhile.
   */
  IntakeFlood measuringThisJvm() {
    measureThisJvm = true;
    return this;
  }

  /**
   * The bot runs in {@code child}, a JVM of its own started as operators run it: each run also says that JVM's CPU
   * per event, by thread, with the JIT's and the collector's threads apart (from /proc), and the collector's pauses
   * and bytes per event from {@code gcLog} (the child's {@link ChildGcLog#flag}).
   */
  IntakeFlood measuringChild(ChildBot child, ChildGcLog gcLog) {
    this.child = child;
    this.gcLog = gcLog;
    return this;
  }

  /**
   * CPU time the JIT's compiler threads of the bot's JVM have used so far, in ms (from /proc, so it is the CPU
   * they got, not the wall time of their compilations, which grows when the machine is busy).
   */
  double jitCpuMs() {
    long pid = child == null ? ProcessHandle.current().pid() : child.pid();
    return ProcThreads.jitNanos(ProcThreads.cpuNanosByName(pid)) / 1e6;
  }

  /** CPU time the bot's JVM has used so far, in ms. */
  double botCpuMs() {
    return child == null ? Machine.processCpuNanos() / 1e6 : child.cpuMs();
  }

  /**
   * The bot's H2 file database, opened again in this JVM (H2 attaches to the open one): each run also says how many
   * commits that wrote something to the file it made per event, a figure the machine's load does not move (group
   * commit: claims read together share one).
   */
  IntakeFlood countingCommits(String h2FileUrl) {
    dbUrl = h2FileUrl;
    return this;
  }

  /** The n-th event of a run: a group text without a mention, its own message_id and event_id. */
  static SealedPush event(String runId, long n) {
    return SealedPush.seal(Envelopes.groupText(messageId(runId, n), FLOOD_CHAT, "status update " + n, "", false),
        ConfigLoader.SANDBOX_ENCRYPT_KEY);
  }

  static String messageId(String runId, long n) {
    return "om_" + runId + "_" + n;
  }

  /** A flood of group chatter without a mention (acked, then dropped): the cheapest real work. */
  ObjectNode run(String runId, Duration duration, int connections) {
    return run(runId, duration, connections, n -> event(runId, n));
  }

  /** A flood of the events {@code events} builds (the n-th event of the run), checked as {@link #run} says. */
  ObjectNode run(String runId, Duration duration, int connections, LongFunction<SealedPush> events) {
    MetricsScrape metrics = new MetricsScrape(http, port);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("connections", connections);
    String before = metrics.scrape();
    CpuWindow cpu = new CpuWindow(child, gcLog);
    long writes = fileWrites();
    long acked = wrk == null ? javaRun(o, events, duration, connections, cpu) : wrkRun(o, events, duration, connections, cpu);
    String after = metrics.scrape();
    long handled = delta(before, after, RECEIVED, MESSAGES);
    long duplicates = delta(before, after, DUPLICATES, "");
    if (measureThisJvm || child != null) {
      cpu.report(o, handled - duplicates, wrk == null && child == null);
    }
    if (writes >= 0 && handled > 0) {
      o.put("db_commits_per_event", Math.round((fileWrites() - writes) * 1000.0 / handled) / 1000.0);
    }
    o.put("handled", handled - duplicates);
    o.put("duplicates", duplicates);
    o.put("rejected", delta(before, after, REJECTED, ""));
    // An event sent but unanswered when wrk's time ran out may have been handled: never a negative loss.
    o.put("lost", Math.max(0, acked - (handled - duplicates)));
    lastRate = o.path("events_per_s").asDouble();
    return o;
  }

  private long javaRun(ObjectNode o, LongFunction<SealedPush> events, Duration duration, int connections,
      CpuWindow cpu) {
    o.put("generator", "java");
    o.put("generator_detail", "Vert.x client in the benchmark's JVM, each event built, encrypted and signed as it "
        + "is sent; " + generatorNote);
    cpu.start();
    IntakeLoad.Result r = new IntakeLoad(http, port, "/webhook/event").run(duration, connections, events);
    cpu.stop();
    o.put("seconds", Stats.round(r.nanos() / 1e9));
    o.put("sent", r.sent());
    o.put("acked", r.ok());
    o.put("failed", r.failed());
    o.put("redelivered", r.redelivered());
    o.put("events_per_s", Math.round(r.perSecond()));
    o.set("ack", r.ack().toJson());
    return r.ok();
  }

  private long wrkRun(ObjectNode o, LongFunction<SealedPush> pushes, Duration duration, int connections,
      CpuWindow cpu) {
    long seconds = Math.max(1, duration.toSeconds());
    // A short first run (the quick mode's) guesses low, so it is not cut off by its time limit with events unsent.
    long perSecond = lastRate > 0 ? (long) (lastRate * HEADROOM)
        : seconds < 5 ? FIRST_RUN_EVENTS_PER_S / 10 : FIRST_RUN_EVENTS_PER_S;
    long events = Math.max(100, Math.min(MAX_EVENTS_PER_S, perSecond) * seconds);
    long written = System.nanoTime();
    wrk.writeSlices(events, pushes);
    o.put("generator", "wrk");
    o.put("generator_detail", "wrk with bench/intake-replay.lua, pre-signed distinct events, one slice per thread; "
        + generatorNote);
    o.put("events_prepared", events);
    o.put("prepare_s", Stats.round((System.nanoTime() - written) / 1e9));
    // Normally every event is answered well within the limit; the limit only bounds a very slow machine.
    cpu.start();
    WrkReplay.Result r = wrk.run("http://127.0.0.1:" + port + "/webhook/event", connections,
        duration.multipliedBy(4).plusSeconds(10));
    cpu.stop();
    o.put("wrk_threads", r.threads());
    o.put("seconds", Stats.round(r.seconds()));
    o.put("sent", r.sent());
    o.put("acked", r.acked());
    o.put("failed", r.rejected() + r.transportErrors());
    o.put("unanswered", r.unanswered());
    o.put("events_per_s", Math.round(r.perSecond()));
    ObjectNode ack = o.putObject("ack");
    ack.put("n", r.completed());
    ack.put("p50_ms", Stats.round(r.p50Ms()));
    ack.put("p99_ms", Stats.round(r.p99Ms()));
    // The tail's shape beside p99: one full collection of ~120 ms put p99.9 at ~100 ms (0.1 % of 300,000 acks), so a
    // pause delays about as many acks as would have been sent meanwhile, not just the one in flight per connection.
    ack.put("p90_ms", Stats.round(r.p90Ms()));
    ack.put("p999_ms", Stats.round(r.p999Ms()));
    ack.put("max_ms", Stats.round(r.maxMs()));
    if (r.wrkCpuUs() >= 0 && r.sent() > 0) {
      // wrk's whole CPU time, reading and formatting its slices included: an upper bound per request.
      o.put("generator_cpu_us_per_event", Stats.round(r.wrkCpuUs() / r.sent()));
    }
    return r.acked();
  }

  /**
   * The bot's CPU between start and stop: in all, by thread group, the JIT's and the collector's threads apart (read
   * from /proc), and the load average. In this JVM, the Java threads' CPU and allocation come from ThreadMXBean (full
   * names) and "jvm (gc, jit, other)" is the rest; in a child JVM, every thread's CPU comes from /proc (15-character
   * names, "vert.x-eventloo").
   */
  private static final class CpuWindow {
    private final ChildBot child;
    private long cpu;
    private long jit;
    private double load;
    private java.util.Map<String, Long> threads;
    private java.util.Map<String, Long> allocated;
    private java.util.Map<String, Long> named;
    private String loadAverage;
    private final ChildGcLog gcLog;
    private long startedAtMs;
    private long stoppedAtMs;

    /** @param child the bot's JVM, or null for this one; {@code gcLog} its collector's log, or null */
    CpuWindow(ChildBot child, ChildGcLog gcLog) {
      this.child = child;
      this.gcLog = gcLog;
    }

    private long pid() {
      return child == null ? ProcessHandle.current().pid() : child.pid();
    }

    void start() {
      startedAtMs = System.currentTimeMillis();
      load = Machine.loadAverage();
      named = ProcThreads.cpuNanosByName(pid());
      if (child == null) {
        threads = Machine.cpuNanosByThreadGroup();
        allocated = Machine.allocatedBytesByThreadGroup();
        jit = Machine.jitMillis();
        cpu = Machine.processCpuNanos();
      } else {
        cpu = Math.round(child.cpuMs() * 1e6);
      }
    }

    void stop() {
      named = ProcThreads.minus(ProcThreads.cpuNanosByName(pid()), named);
      if (child == null) {
        cpu = Machine.processCpuNanos() - cpu;
        jit = Machine.jitMillis() - jit;
        threads = ProcThreads.minus(Machine.cpuNanosByThreadGroup(), threads);
        allocated = ProcThreads.minus(Machine.allocatedBytesByThreadGroup(), allocated);
      } else {
        cpu = Math.round(child.cpuMs() * 1e6) - cpu;
        threads = named;
        allocated = java.util.Map.of();
      }
      loadAverage = load + " -> " + Machine.loadAverage();
      stoppedAtMs = System.currentTimeMillis();
    }

    void report(ObjectNode o, long events, boolean withGenerator) {
      long n = Math.max(1, events);
      o.put("bot_cpu_us_per_event", Stats.round(cpu / 1000.0 / n));
      o.put("cpu_includes_generator", withGenerator);
      ObjectNode byThreads = o.putObject("cpu_us_per_event_by_threads");
      threads.forEach((group, nanos) -> {
        if (nanos / 1000.0 / n >= 0.5) {
          byThreads.put(group, Stats.round(nanos / 1000.0 / n));
        }
      });
      // The JVM's own threads by role, from /proc: how much of the CPU per event is compiling and collecting.
      java.util.Map<String, Long> roles = new java.util.TreeMap<>();
      named.forEach((name, nanos) -> {
        String role = ProcThreads.jvmRole(name);
        if (role != null) {
          roles.merge(role, nanos, Long::sum);
        }
      });
      ObjectNode jvm = o.putObject("jvm_cpu_us_per_event");
      roles.forEach((role, nanos) -> jvm.put(role, Stats.round(nanos / 1000.0 / n)));
      // What the bot cost beside its compilers: the warm figure when they still worked during the run (an upper
      // bound: code they had yet to compile ran slower meanwhile).
      o.put("bot_cpu_us_per_event_without_jit", Stats.round((cpu - roles.getOrDefault(ProcThreads.JIT, 0L)) / 1000.0 / n));
      if (!allocated.isEmpty()) {
        // Allocation per event moves with the code, not with the machine's load: the garbage the collector is left with.
        ObjectNode bytes = o.putObject("allocated_bytes_per_event_by_threads");
        allocated.forEach((group, b) -> {
          if (b / n >= 10) {
            bytes.put(group, Math.round(b / (double) n));
          }
        });
      }
      if (child == null) {
        o.put("jit_ms", jit);
      }
      if (gcLog != null) {
        o.set("gc", gcLog.window(startedAtMs, stoppedAtMs, n));
      }
      o.put("load_average", loadAverage);
    }
  }

  /** H2's count of file writes (one per commit that changed something) so far, or -1 when not counting. */
  private long fileWrites() {
    if (dbUrl == null) {
      return -1;
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, "", "");
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE'")) {
      return r.next() ? Long.parseLong(r.getString(1)) : -1;
    } catch (java.sql.SQLException e) {
      System.err.println("bench: commits not counted: " + e);
      return -1;
    }
  }

  static long delta(String before, String after, String name, String labels) {
    return Math.round(MetricsScrape.sum(after, name, labels) - MetricsScrape.sum(before, name, labels));
  }
}
