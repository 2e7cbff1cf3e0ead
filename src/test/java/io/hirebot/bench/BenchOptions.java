package io.hirebot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What one benchmark run does: the full run (about 3 minutes on 2 cores) or {@code --quick} (seconds, for the
 * smoke test), optionally limited with {@code --sections intake,latency,card,digest,outage,memory}.
 *
 * @param intakeSeconds how long each intake flood lasts
 * @param connections client connections pushing in parallel
 * @param helpEvents "help" mentions pushed in the reply run (each costs one IM reply, 50/s at most)
 * @param coldSamples fresh bots per latency cell (one cold command each)
 * @param warmPerCold warm commands after each cold one
 * @param cardClicks pager clicks at 50 ms upstream (1.1 s apart: 10 stay within the 15 s the command's stage lists are cached)
 * @param childSeconds intake flood against the child JVM between the two RSS readings
 * @param restarts restarts of the child JVM timed per kind (sandbox and real mode, with and without the archive):
 *     the figures are their median
 * @param firstCommands fresh real-mode JVMs that each time their first command and then warm ones of the same shape
 *     (section 5's "first ÷ warm" is the median of their samples)
 * @param outageUsers users sending commands and clicks while Hire is down
 * @param outageSeconds how long Hire is down (hanging the first half, answering 503 the second)
 * @param generator the intake load generator: {@code wrk}, {@code java} (the Vert.x client in the benchmark's
 *     JVM) or {@code auto} (wrk when it can be had, else java)
 * @param installWrk whether the benchmark may {@code apt-get install -y wrk} when it is missing (never in tests)
 */
public record BenchOptions(
    int intakeSeconds,
    int connections,
    int helpEvents,
    List<Integer> sizes,
    List<Integer> latenciesMs,
    int coldSamples,
    int warmPerCold,
    int cardClicks,
    int childSeconds,
    int restarts,
    int firstCommands,
    int digestChats,
    int digestJobs,
    int outageUsers,
    int outageSeconds,
    Path outDir,
    Set<String> sections,
    String generator,
    boolean installWrk) {

  public static final Set<String> ALL = Set.of("intake", "latency", "card", "digest", "outage", "memory");
  public static final Set<String> GENERATORS = Set.of("auto", "wrk", "java");

  public static BenchOptions full(Path outDir) {
    return new BenchOptions(20, 8, 500, List.of(10, 50, 200), List.of(0, 20, 50), 5, 2, 10, 10, 1, 5, 1_000, 100, 10, 60, outDir, ALL, "auto", true);
  }

  public static BenchOptions quick(Path outDir) {
    return new BenchOptions(1, 2, 5, List.of(30), List.of(0, 20), 1, 1, 1, 1, 1, 1, 20, 5, 2, 4, outDir, ALL, "auto", false);
  }

  public boolean runs(String section) {
    return sections.contains(section);
  }

  /**
   * {@code [--quick] [--sections a,b] [--out DIR] [--generator auto|wrk|java] [--intake-seconds N]
   * [--connections N] [--restarts N] [--first-commands N]}; unknown arguments are refused. {@code --quick --sections intake --intake-seconds 5
   * --connections 8} is a short intake run under the full run's concurrency, for before/after comparisons.
   */
  public static BenchOptions parse(String[] args) {
    Path out = Path.of("target", "bench");
    boolean quick = false;
    Set<String> sections = ALL;
    String generator = null;
    Integer intakeSeconds = null;
    Integer connections = null;
    Integer restarts = null;
    Integer firstCommands = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(value(args, ++i));
        case "--sections" -> sections = Set.of(value(args, ++i).split(","));
        case "--generator" -> generator = value(args, ++i);
        case "--intake-seconds" -> intakeSeconds = positive(args, ++i);
        case "--connections" -> connections = positive(args, ++i);
        case "--restarts" -> restarts = positive(args, ++i);
        case "--first-commands" -> firstCommands = positive(args, ++i);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --quick, --sections " + String.join(",", ALL) + ", --out DIR, --generator auto|wrk|java, --intake-seconds N, "
            + "--connections N, --restarts N, --first-commands N)");
      }
    }
    if (!ALL.containsAll(sections)) {
      throw new IllegalArgumentException("sections must be among " + ALL + ", got " + sections);
    }
    if (generator != null && !GENERATORS.contains(generator)) {
      throw new IllegalArgumentException("--generator must be one of " + GENERATORS + ", got " + generator);
    }
    BenchOptions base = quick ? quick(out) : full(out);
    return new BenchOptions(intakeSeconds == null ? base.intakeSeconds : intakeSeconds,
        connections == null ? base.connections : connections, base.helpEvents, base.sizes, base.latenciesMs,
        base.coldSamples, base.warmPerCold, base.cardClicks, base.childSeconds, restarts == null ? base.restarts : restarts,
        firstCommands == null ? base.firstCommands : firstCommands, base.digestChats, base.digestJobs,
        base.outageUsers, base.outageSeconds, out, sections, generator == null ? base.generator : generator,
        base.installWrk);
  }

  private static int positive(String[] args, int i) {
    String v = value(args, i);
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(args[i - 1] + " needs a positive number, got " + v);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
