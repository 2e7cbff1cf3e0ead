package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's log of a child JVM ({@code -Xlog:gc,gc+heap}, wall-clock stamps), read back for one window of a run:
 * its pauses, young and full, and what the young generation took in and handed to the old one per event. The pauses
 * are what an ack waits behind beyond the bot's own work (SerialGC stops every thread); the bytes per event move with
 * the code, not with the machine's load.
 */
final class ChildGcLog {
  /** {@code [1764549600123ms][gc] GC(12) Pause Young (Allocation Failure) 34M->19M(61M) 10.700ms}. */
  private static final Pattern PAUSE = Pattern.compile(
      "^\\[(\\d+)ms]\\[gc\\s*] GC\\((\\d+)\\) Pause (Young|Full) .* ([\\d.]+)ms$");
  /** {@code ... GC(12) DefNew: 18525K(19648K)->1347K(19648K) Eden: ...}. */
  private static final Pattern YOUNG = Pattern.compile("GC\\((\\d+)\\) DefNew: (\\d+)K\\((\\d+)K\\)->(\\d+)K");
  /** {@code ... GC(12) Tenured: 160504K(160640K)->160504K(160640K)}. */
  private static final Pattern OLD = Pattern.compile("GC\\((\\d+)\\) Tenured: (\\d+)K\\(\\d+K\\)->(\\d+)K");

  private final Path file;

  ChildGcLog(Path file) {
    this.file = file;
  }

  /** The JVM flag that writes this log (the collector's pauses and generation sizes, stamped in wall-clock ms). */
  String flag() {
    return "-Xlog:gc,gc+heap:file=" + file + ":timemillis,tags";
  }

  private static final class Gc {
    long at;
    String kind;
    double ms;
    long youngBefore = -1;
    long youngAfter = -1;
    long youngCapacity = -1;
    long oldBefore = -1;
    long oldAfter = -1;
  }

  /**
   * The collections that ended in {@code [fromMs, toMs]} (wall clock) over {@code events} events: count, rate and
   * pause percentiles by kind, the time paused in all, and bytes allocated and promoted per event.
   */
  ObjectNode window(long fromMs, long toMs, long events) {
    TreeMap<Integer, Gc> all = read();
    List<Gc> in = new ArrayList<>();
    long allocatedKb = 0;
    long promotedKb = 0;
    Gc previous = null;
    for (Gc g : all.values()) {
      boolean inside = g.kind != null && g.at >= fromMs && g.at <= toMs;
      if (inside) {
        in.add(g);
        if (previous != null && g.youngBefore >= 0 && previous.youngAfter >= 0) {
          allocatedKb += g.youngBefore - previous.youngAfter;
        }
        if ("Young".equals(g.kind) && g.oldAfter >= 0 && g.oldBefore >= 0) {
          promotedKb += g.oldAfter - g.oldBefore;
        }
      }
      previous = g;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    double seconds = Math.max(1, toMs - fromMs) / 1000.0;
    double pausedMs = 0;
    for (String kind : List.of("Young", "Full")) {
      List<Double> ms = in.stream().filter(g -> kind.equals(g.kind)).map(g -> g.ms).sorted().toList();
      ObjectNode k = o.putObject(kind.toLowerCase());
      k.put("count", ms.size());
      k.put("per_s", Stats.round(ms.size() / seconds));
      if (!ms.isEmpty()) {
        k.put("p50_ms", Stats.round(percentile(ms, 0.50)));
        k.put("p90_ms", Stats.round(percentile(ms, 0.90)));
        k.put("p99_ms", Stats.round(percentile(ms, 0.99)));
        k.put("max_ms", Stats.round(ms.get(ms.size() - 1)));
      }
      double sum = ms.stream().mapToDouble(Double::doubleValue).sum();
      k.put("total_ms", Stats.round(sum));
      pausedMs += sum;
    }
    // The share of the run every thread stood still: an ack that arrives meanwhile waits for the pause to end.
    o.put("paused_share", Stats.round(pausedMs / (seconds * 1000)));
    long n = Math.max(1, events);
    o.put("allocated_bytes_per_event", Math.round(allocatedKb * 1024.0 / n));
    o.put("promoted_bytes_per_event", Math.round(promotedKb * 1024.0 / n));
    // What each young collection copied (the survivors): the part of its pause that grows with what lives on.
    List<Long> survived = in.stream().filter(g -> "Young".equals(g.kind) && g.youngAfter >= 0).map(g -> g.youngAfter)
        .sorted().toList();
    if (!survived.isEmpty()) {
      o.put("young_survived_kb_p50", survived.get((survived.size() - 1) / 2));
      o.put("young_survived_kb_max", survived.get(survived.size() - 1));
    }
    Gc last = in.isEmpty() ? null : in.get(in.size() - 1);
    if (last != null && last.youngCapacity >= 0) {
      o.put("young_capacity_kb", last.youngCapacity);
    }
    if (last != null && last.oldAfter >= 0) {
      o.put("old_after_last_kb", last.oldAfter);
    }
    return o;
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private TreeMap<Integer, Gc> read() {
    TreeMap<Integer, Gc> gcs = new TreeMap<>();
    List<String> lines;
    try {
      lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("child GC log unreadable " + file, e);
    }
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        Gc g = gcs.computeIfAbsent(Integer.parseInt(m.group(2)), id -> new Gc());
        g.at = Long.parseLong(m.group(1));
        g.kind = m.group(3);
        g.ms = Double.parseDouble(m.group(4));
        continue;
      }
      m = YOUNG.matcher(line);
      if (m.find()) {
        Gc g = gcs.computeIfAbsent(Integer.parseInt(m.group(1)), id -> new Gc());
        g.youngBefore = Long.parseLong(m.group(2));
        g.youngCapacity = Long.parseLong(m.group(3));
        g.youngAfter = Long.parseLong(m.group(4));
        continue;
      }
      m = OLD.matcher(line);
      if (m.find()) {
        Gc g = gcs.computeIfAbsent(Integer.parseInt(m.group(1)), id -> new Gc());
        g.oldBefore = Long.parseLong(m.group(2));
        g.oldAfter = Long.parseLong(m.group(3));
      }
    }
    return gcs;
  }
}
