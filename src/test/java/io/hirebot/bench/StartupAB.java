package io.hirebot.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An A/B of start-up alone: real-mode restarts (the emulator outside, over TLS, as section 5's targets) of several
 * builds of the bot, interleaved round by round so that the machine's load touches each alike, without and with
 * each build's own AOT cache (trained as the Dockerfile trains it). Section 5 runs each kind two or three times in a
 * minute of other work; on a shared machine that did not separate a 100 ms change from noise. Usage, from the
 * project root (the Dockerfile picks the JDK; {@code --this-jdk} runs the children on this JVM's):
 * {@code java -cp <test classes:classes:deps> io.hirebot.bench.StartupAB --rounds 8 --out DIR a=A.jar b=B.jar
 * "c=B.jar -Dsome.flag=x"} (a variant is {@code name=jar} and JVM flags, space-separated). Prints a table of the
 * medians and every run.
 */
public final class StartupAB {
  private record Variant(String name, String jar, List<String> flags) {
    static Variant parse(String arg) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a variant is name=jar [flags]: " + arg);
      }
      String[] parts = arg.substring(eq + 1).trim().split("\\s+");
      return new Variant(arg.substring(0, eq), parts[0], List.of(parts).subList(1, parts.length));
    }
  }

  private StartupAB() {}

  public static void main(String[] args) throws IOException {
    int rounds = 6;
    Path out = Path.of("target/bench/startup-ab");
    ChildJdk jdk = ChildJdk.dockerfiles();
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--this-jdk" -> jdk = ChildJdk.current();
        default -> variants.add(Variant.parse(args[i]));
      }
    }
    if (variants.isEmpty()) {
      System.err.println("usage: StartupAB [--rounds N] [--out DIR] [--this-jdk] name=jar[ flags] ...");
      System.exit(2);
    }
    Files.createDirectories(out);
    Vertx vertx = Vertx.vertx();
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    try (BenchHttp http = new BenchHttp(vertx, 2);
        RealTenant tenant = RealTenant.start(out.toAbsolutePath(), jdk)) {
      Map<String, Path> databases = new LinkedHashMap<>();
      Map<String, List<String>> caches = new LinkedHashMap<>();
      for (Variant v : variants) {
        use(v);
        // A first start migrates the variant's own database and trains its cache, as the image build does.
        Path db = ChildBot.newDatabaseDir();
        Path archive = jdk.archive(out.toAbsolutePath().resolve(v.name()));
        Files.createDirectories(archive.getParent());
        ChildBot.trainArchive(out.resolve(v.name() + "-training.log"), jdk, v.flags(), archive, db, http);
        databases.put(v.name(), db);
        List<String> cached = new ArrayList<>(v.flags());
        cached.addAll(jdk.useArchive(archive));
        caches.put(v.name(), cached);
      }
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < variants.size(); k++) {
          // Rotated each round: no variant always follows the same one.
          Variant v = variants.get((k + round) % variants.size());
          use(v);
          for (boolean cache : new boolean[] {false, true}) {
            List<String> flags = new ArrayList<>(cache ? caches.get(v.name()) : v.flags());
            flags.addAll(tenant.jvmFlags());
            String kind = v.name() + (cache ? " cache" : " no archive");
            Path log = out.resolve(v.name() + (cache ? "-cache-" : "-plain-") + round + ".log");
            try (ChildBot child = ChildBot.launch(log, jdk, flags, tenant.env(databases.get(v.name())))) {
              double healthy = child.awaitHealthy(http);
              double cpu = child.cpuMs();
              double jit = ProcThreads.jitNanos(ProcThreads.cpuNanosByName(child.pid())) / 1e6;
              runs.computeIfAbsent(kind, x -> new ArrayList<>()).add(new double[] {healthy, cpu, jit});
              System.out.printf("round %d %-24s healthy %7.1f ms  cpu %6.0f ms  jit %6.0f ms  load %.2f%n", round,
                  kind, healthy, cpu, jit, Machine.loadAverage());
              // Where the CPU went, by thread (the JIT's compilers, the collector, the bot's pools): what to cut next.
              System.out.printf("        cpu by thread (ms): %s%n", child.threadCpuMs().entrySet().stream().limit(10)
                  .map(e -> e.getKey().strip() + " " + Math.round(e.getValue())).toList());
            }
          }
        }
      }
    } finally {
      BenchHttp.await(vertx.close(), BenchEnv.STEP_TIMEOUT);
    }
    System.out.println();
    System.out.printf("%-24s %10s %10s %10s   %s%n", "variant", "healthy", "cpu", "jit", "healthy, every run");
    runs.forEach((kind, list) -> System.out.printf("%-24s %10.1f %10.0f %10.0f   %s%n", kind,
        Stats.median(list.stream().mapToDouble(r -> r[0]).toArray()),
        Stats.median(list.stream().mapToDouble(r -> r[1]).toArray()),
        Stats.median(list.stream().mapToDouble(r -> r[2]).toArray()),
        list.stream().map(r -> String.valueOf(Math.round(r[0]))).toList()));
    System.exit(0);
  }

  /** The child classpath for the next launches ({@link ChildBot} reads it at each launch). */
  private static void use(Variant v) {
    System.setProperty(ChildBot.CHILD_CLASSPATH, v.jar());
  }
}
