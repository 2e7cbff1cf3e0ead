package io.hirebot.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a database's Flyway history already holds exactly the migrations on the classpath, each applied
 * successfully and with the checksum Flyway computes: then a start skips Flyway, whose scan, validation and classes
 * cost about a third of the start-up CPU, and which would find nothing to do. Anything else — a new, changed, failed
 * or missing migration, a baseline, no history table — answers false, and Flyway runs as before (migrating, or
 * refusing a changed migration).
 */
final class AppliedMigrations {
  /** Flyway's default location, the one {@link Database} gives it. */
  static final String LOCATION = "db/migration";
  /** History rows that record what Flyway created rather than a migration it applied. */
  private static final java.util.Set<String> CREATED = java.util.Set.of("TABLE", "SCHEMA");
  private static final String HISTORY =
      "SELECT \"script\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\"";

  /**
   * What {@link #onClasspath} found, per class loader: the migrations a process ships do not change while it runs,
   * and each scan reads the whole jar's directory (36,000 entries in the bot's jar: a start scanned it twice, for
   * the database's check and the warm-up's scratch database).
   */
  private static final Map<ClassLoader, Optional<Map<String, Integer>>> SCANNED = new ConcurrentHashMap<>();

  private AppliedMigrations() {}

  /** True when the history matches the classpath's migrations exactly; false when unsure (Flyway then decides). */
  static boolean upToDate(Connection connection, ClassLoader loader) {
    Map<String, Integer> shipped;
    try {
      shipped = onClasspath(loader);
    } catch (IOException | URISyntaxException e) {
      return false;
    }
    if (shipped == null || shipped.isEmpty()) {
      return false;
    }
    Map<String, Integer> applied = new HashMap<>();
    try (Statement st = connection.createStatement(); ResultSet rows = st.executeQuery(HISTORY)) {
      while (rows.next()) {
        if (CREATED.contains(rows.getString(3))) {
          continue; // Flyway's note that it created the history table (or the schema): no migration
        }
        Integer checksum = (Integer) rows.getObject(2);
        if (!"SQL".equals(rows.getString(3)) || !rows.getBoolean(4) || checksum == null
            || applied.put(rows.getString(1), checksum) != null) {
          return false;
        }
      }
    } catch (SQLException | ClassCastException e) {
      return false; // no history table yet (an empty database), or not Flyway's layout
    }
    return applied.equals(shipped);
  }

  /**
   * The versioned SQL migrations under {@link #LOCATION} (file name → Flyway checksum), from a jar or a directory;
   * null when a location is of another kind or holds anything but {@code V<version>__<description>.sql}.
   */
  static Map<String, Integer> onClasspath(ClassLoader loader) throws IOException, URISyntaxException {
    Optional<Map<String, Integer>> known = SCANNED.get(loader);
    if (known == null) {
      known = Optional.ofNullable(scan(loader)).map(Map::copyOf);
      SCANNED.put(loader, known);
    }
    return known.orElse(null);
  }

  private static Map<String, Integer> scan(ClassLoader loader) throws IOException, URISyntaxException {
    Map<String, Integer> found = new HashMap<>();
    Enumeration<URL> locations = loader.getResources(LOCATION);
    while (locations.hasMoreElements()) {
      URL location = locations.nextElement();
      if ("jar".equals(location.getProtocol())) {
        Path jarPath = Path.of(((JarURLConnection) location.openConnection()).getJarFileURL().toURI());
        try (JarFile jar = new JarFile(jarPath.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(LOCATION + "/")) {
              continue;
            }
            String name = entry.getName().substring(LOCATION.length() + 1);
            if (!versioned(name) || found.put(name, checksum(jar.getInputStream(entry))) != null) {
              return null;
            }
          }
        }
      } else if ("file".equals(location.getProtocol())) {
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = file.getFileName().toString();
            if (!versioned(name) || found.put(name, checksum(Files.newInputStream(file))) != null) {
              return null;
            }
          }
        }
      } else {
        return null;
      }
    }
    return found;
  }

  private static boolean versioned(String name) {
    return name.startsWith("V") && name.contains("__") && name.endsWith(".sql");
  }

  /**
   * Flyway's checksum of a SQL migration ({@code ChecksumCalculator}): CRC-32 over each line's UTF-8 bytes, line
   * terminators left out and a byte-order mark stripped, so a file's line endings do not change it.
   */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }
}
