package io.hirebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * The fast intake generator: {@code wrk} in a process of its own, each of its threads replaying a disjoint slice
 * of requests signed and encrypted before the run ({@code bench/intake-replay.lua}), so sending costs the bot's
 * JVM nothing and every request is a distinct event. The events are signed with the current time: the bot takes an
 * event's timestamp for up to 7 h 35 min ({@code ReplayWindow}), far longer than a run.
 */
final class WrkReplay {
  static final String SCRIPT = "bench/intake-replay.lua";
  private static final String SLICE_DONE = "hirebot-wrk slice-done";
  private static final String RESULT = "hirebot-wrk result ";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);

  /** Where wrk is, or why there is none ({@code path} null); {@code note} says what was done to find it. */
  record Located(Path path, String note) {}

  /** One replay: what wrk reports (see the script's done()) and the wall time between its first send and last answer. */
  record Result(long events, long sent, long acked, long rejected, long completed, double seconds, double p50Ms,
      double p90Ms, double p99Ms, double p999Ms, double maxMs, long transportErrors, double wrkCpuUs, int threads) {
    double perSecond() {
      return seconds <= 0 ? 0 : acked / seconds;
    }

    /** Events sent whose answer never came because the run hit its time limit first. */
    long unanswered() {
      return sent - acked - rejected;
    }
  }

  private final Path wrk;
  private final Path workDir;
  private final int threads;

  /** @param workDir where the slices and the script are written (deleted after each run) */
  WrkReplay(Path wrk, Path workDir, int threads) {
    this.wrk = wrk;
    this.workDir = workDir;
    this.threads = threads;
  }

  /**
   * Finds {@code wrk} on the PATH; when missing and {@code install} is set (the benchmark, never a test), installs
   * Debian's package with {@code apt-get install -y wrk} (after {@code apt-get update} if the first try fails).
   */
  static Located locate(boolean install) {
    Path found = onPath("wrk");
    if (found != null) {
      return new Located(found, "found " + found);
    }
    if (!install) {
      return new Located(null, "wrk not on the PATH (not installed by tests)");
    }
    if (onPath("apt-get") == null) {
      return new Located(null, "wrk not on the PATH and no apt-get to install it");
    }
    String first = exec("apt-get", "install", "-y", "wrk");
    if (first != null) {
      exec("apt-get", "update");
      String second = exec("apt-get", "install", "-y", "wrk");
      if (second != null) {
        return new Located(null, "wrk not on the PATH; apt-get install -y wrk failed: " + second);
      }
    }
    found = onPath("wrk");
    return found == null ? new Located(null, "apt-get installed wrk but it is not on the PATH")
        : new Located(found, "installed with apt-get install -y wrk");
  }

  /** Null when the command exited 0, else its last output line or what went wrong. */
  private static String exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> lines(p.getInputStream()));
      if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish within " + INSTALL_TIMEOUT;
      }
      List<String> out = output.join();
      return p.exitValue() == 0 ? null
          : "exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out.get(out.size() - 1));
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static List<String> lines(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Writes {@code events} requests, built by {@code pushes} (the n-th event), as one slice per wrk thread; thread
   * {@code t} gets events {@code t, t + threads, …}, so the slices are disjoint and equally long (±1).
   */
  void writeSlices(long events, LongFunction<SealedPush> pushes) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + workDir, e);
    }
    IntStream.range(0, threads).parallel().forEach(t -> {
      try (BufferedWriter w = Files.newBufferedWriter(slice(t), StandardCharsets.UTF_8)) {
        for (long n = t; n < events; n += threads) {
          SealedPush push = pushes.apply(n);
          w.write(push.headers().get("X-Lark-Request-Timestamp"));
          w.write('\t');
          w.write(push.headers().get("X-Lark-Request-Nonce"));
          w.write('\t');
          w.write(push.headers().get("X-Lark-Signature"));
          w.write('\t');
          w.write(new String(push.body(), StandardCharsets.UTF_8));
          w.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write wrk slice " + t, e);
      }
    });
  }

  Path slice(int thread) {
    return workDir.resolve("slice-" + thread + ".tsv");
  }

  /**
   * Replays the slices written by {@link #writeSlices} against {@code url} from {@code connections} connections
   * until every event is answered or {@code limit} is up, then deletes them.
   */
  Result run(String url, int connections, Duration limit) {
    Path script = workDir.resolve("intake-replay.lua");
    try (InputStream in = WrkReplay.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " missing from the test classpath");
      }
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Process p = new ProcessBuilder(wrk.toString(), "-t", String.valueOf(threads),
          "-c", String.valueOf(Math.max(threads, connections)), "-d", Math.max(1, limit.toSeconds()) + "s",
          "--timeout", "10s", "-s", script.toString(), url, "--", workDir.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      AtomicInteger slicesDone = new AtomicInteger();
      List<String> output = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          if (line.startsWith(SLICE_DONE) && slicesDone.incrementAndGet() == threads) {
            // wrk's main thread sleeps out its -d; SIGINT ends the sleep and it reports at once.
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
          }
        }
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return parse(output);
    } catch (IOException e) {
      throw new UncheckedIOException("wrk run failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    } finally {
      deleteWorkDir();
    }
  }

  private static Result parse(List<String> output) throws IOException {
    String line = output.stream().filter(l -> l.startsWith(RESULT)).findFirst().orElseThrow(
        () -> new IllegalStateException("wrk printed no result line; its output: " + String.join(" | ", output)));
    JsonNode j = new ObjectMapper().readTree(line.substring(RESULT.length()));
    JsonNode e = j.path("errors");
    return new Result(j.path("events").asLong(), j.path("sent").asLong(), j.path("acked").asLong(),
        j.path("rejected").asLong(), j.path("completed").asLong(),
        (j.path("last_us").asLong() - j.path("first_us").asLong()) / 1e6,
        j.path("p50_us").asDouble() / 1000, j.path("p90_us").asDouble() / 1000, j.path("p99_us").asDouble() / 1000,
        j.path("p999_us").asDouble() / 1000, j.path("max_us").asDouble() / 1000,
        e.path("connect").asLong() + e.path("read").asLong() + e.path("write").asLong() + e.path("timeout").asLong(),
        j.path("cpu_us").asDouble(), j.path("threads").asInt());
  }

  private void deleteWorkDir() {
    if (Files.exists(workDir)) {
      TempDirs.deleteTree(workDir);
    }
  }
}
