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
 * @param cardClicks pager clicks at 50 ms upstream
 * @param childSeconds intake flood against the child JVM between the two RSS readings
 * @param outageUsers users sending commands and clicks while Hire is down
 * @param outageSeconds how long Hire is down (hanging the first half, answering 503 the second)
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
    int digestChats,
    int digestJobs,
    int outageUsers,
    int outageSeconds,
    Path outDir,
    Set<String> sections) {

  public static final Set<String> ALL = Set.of("intake", "latency", "card", "digest", "outage", "memory");

  public static BenchOptions full(Path outDir) {
    return new BenchOptions(20, 8, 500, List.of(10, 50, 200), List.of(0, 20, 50), 5, 2, 5, 10, 1_000, 100, 10, 60, outDir, ALL);
  }

  public static BenchOptions quick(Path outDir) {
    return new BenchOptions(1, 2, 5, List.of(30), List.of(0, 20), 1, 1, 1, 1, 20, 5, 2, 4, outDir, ALL);
  }

  public boolean runs(String section) {
    return sections.contains(section);
  }

  /** {@code [--quick] [--sections a,b] [--out DIR]}; unknown arguments are refused. */
  public static BenchOptions parse(String[] args) {
    Path out = Path.of("target", "bench");
    boolean quick = false;
    Set<String> sections = ALL;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(value(args, ++i));
        case "--sections" -> sections = Set.of(value(args, ++i).split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --quick, --sections " + String.join(",", ALL) + ", --out DIR)");
      }
    }
    if (!ALL.containsAll(sections)) {
      throw new IllegalArgumentException("sections must be among " + ALL + ", got " + sections);
    }
    BenchOptions base = quick ? quick(out) : full(out);
    return new BenchOptions(base.intakeSeconds, base.connections, base.helpEvents, base.sizes, base.latenciesMs,
        base.coldSamples, base.warmPerCold, base.cardClicks, base.childSeconds, base.digestChats, base.digestJobs,
        base.outageUsers, base.outageSeconds, out, sections);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
