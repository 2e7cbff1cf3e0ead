package io.hirebot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The schema of the warm-up's scratch database ({@link Database#scratch}) in one script shipped in the jar
 * ({@value #RESOURCE}): H2's own {@code SCRIPT NODATA} of a database the migrations made, the tables, keys and indexes
 * as they end up, instead of the eleven migrations run one by one (each parsed from the jar, their ALTERs and data
 * updates run, on the start's time). Its first line names the migrations it was made from, with Flyway's checksums: a
 * migration added since is run on top of it, and a schema made from migrations the jar does not hold, or holds
 * changed, is not used at all (the migrations then run one by one, as before). {@link #write} makes it.
 */
final class ScratchSchema {
  static final String RESOURCE = "warmup/scratch-schema.sql";
  private static final String HEADER = "-- hirebot scratch schema, made from the migrations: ";

  /** What to run, in order, for a scratch database with the schema of {@code migrations}. */
  record Plan(boolean shippedSchema, List<String> migrations) {}

  private ScratchSchema() {}

  /**
   * The shipped schema, when it was made from migrations the classpath holds unchanged, and the migrations it lacks
   * (in version order); else every migration.
   *
   * @param migrations the classpath's migrations ({@link AppliedMigrations#onClasspath}): file name → checksum
   */
  static Plan plan(Map<String, Integer> migrations, ClassLoader loader) throws IOException {
    Map<String, Integer> covered = covered(loader);
    boolean usable = !covered.isEmpty() && covered.entrySet().stream()
        .allMatch(m -> m.getValue().equals(migrations.get(m.getKey())));
    List<String> rest = migrations.keySet().stream().filter(m -> !usable || !covered.containsKey(m))
        .sorted(Comparator.comparingInt(ScratchSchema::version)).toList();
    return new Plan(usable, rest);
  }

  /** The migrations the shipped schema was made from (none when there is no such resource). */
  static Map<String, Integer> covered(ClassLoader loader) throws IOException {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Map.of();
      }
      String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      if (first == null || !first.startsWith(HEADER)) {
        return Map.of();
      }
      Map<String, Integer> covered = new HashMap<>();
      for (String entry : first.substring(HEADER.length()).split(",")) {
        String[] nameAndChecksum = entry.trim().split("=", 2);
        if (nameAndChecksum.length != 2) {
          return Map.of();
        }
        covered.put(nameAndChecksum[0], Integer.parseInt(nameAndChecksum[1]));
      }
      return covered;
    } catch (NumberFormatException e) {
      return Map.of();
    }
  }

  /** {@code V<version>__<description>.sql}'s version. */
  static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  /**
   * The script for {@value #RESOURCE}: {@code migrations} run in version order on an empty H2 database
   * ({@code connection}'s), then its schema as H2 writes it, less the user it creates (the scratch database has its
   * own), under the header line.
   */
  static String write(Connection connection, Map<String, Integer> migrations) throws SQLException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER + migrations.entrySet().stream().sorted(Comparator.comparingInt(m -> version(m.getKey())))
        .map(m -> m.getKey() + "=" + m.getValue()).collect(Collectors.joining(",")));
    try (Statement statement = connection.createStatement()) {
      for (String migration : migrations.keySet().stream().sorted(Comparator.comparingInt(ScratchSchema::version))
          .toList()) {
        statement.execute(runScript(migration));
      }
      try (ResultSet script = statement.executeQuery("SCRIPT NODATA")) {
        while (script.next()) {
          String line = script.getString(1).strip();
          if (!line.startsWith("CREATE USER") && !line.startsWith("--") && !line.isEmpty()) {
            lines.add(line.endsWith(";") ? line : line + ";");
          }
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** H2's statement that runs {@code migration} from the classpath. */
  static String runScript(String migration) {
    return "RUNSCRIPT FROM 'classpath:/" + AppliedMigrations.LOCATION + "/" + migration + "'";
  }

  /** H2's statement that runs the shipped schema. */
  static String runShipped() {
    return "RUNSCRIPT FROM 'classpath:/" + RESOURCE + "'";
  }

  /** For the logs: a plan's steps. */
  static String describe(Plan plan) {
    return (plan.shippedSchema() ? "shipped schema" : "no shipped schema") + " + " + plan.migrations().size()
        + " migrations";
  }

  /** The migrations of {@code plan} that H2 runs, after the shipped schema if it is used. */
  static List<String> statements(Plan plan) {
    List<String> statements = new ArrayList<>();
    if (plan.shippedSchema()) {
      statements.add(runShipped());
    }
    plan.migrations().forEach(m -> statements.add(runScript(m)));
    return statements;
  }
}
