package io.hirebot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the layering of STYLE.md §6(a) by reading the import lines under src/main/java. */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/io/hirebot");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
  private static final Pattern FQN_USE = Pattern.compile("\\b(io\\.hirebot\\.[a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

  private record Source(String pkg, List<String> imports) {}

  private static List<Source> sources() throws IOException {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        String pkg = SRC.relativize(f.getParent()).toString().replace('/', '.');
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          imports.add(m.group(1));
        }
        Matcher q = FQN_USE.matcher(text);
        while (q.find()) {
          imports.add(q.group(1));
        }
        out.add(new Source(pkg, imports));
      }
    }
    return out;
  }

  private static List<String> offenders(String importPrefix, java.util.function.Predicate<String> allowedPkg)
      throws IOException {
    List<String> bad = new ArrayList<>();
    for (Source s : sources()) {
      if (allowedPkg.test(s.pkg())) {
        continue;
      }
      s.imports().stream().filter(i -> i.startsWith(importPrefix)).forEach(i -> bad.add(s.pkg() + " -> " + i));
    }
    return bad;
  }

  private static boolean in(String pkg, String... roots) {
    for (String r : roots) {
      if (pkg.equals(r) || pkg.startsWith(r + ".")) {
        return true;
      }
    }
    return false;
  }

  @Test
  @DisplayName("only feishu imports the Feishu SDK")
  void sdkOnlyInFeishu() throws IOException {
    var bad = offenders("com.lark.oapi", p -> in(p, "feishu"));
    assertTrue(bad.isEmpty(), bad.toString());
  }

  @Test
  @DisplayName("only web, app and the sandbox import Vert.x Web")
  void vertxWebOnlyAtTheEdge() throws IOException {
    var bad = offenders("io.vertx.ext.web", p -> in(p, "web", "app", "sandbox"));
    assertTrue(bad.isEmpty(), bad.toString());
  }

  @Test
  @DisplayName("only store imports java.sql")
  void sqlOnlyInStore() throws IOException {
    var bad = offenders("java.sql", p -> in(p, "store"));
    assertTrue(bad.isEmpty(), bad.toString());
  }

  @Test
  @DisplayName("nothing but the entry points imports app, features do not import each other, the sandbox imports nothing of the bot")
  void layering() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Source s : sources()) {
      for (String i : s.imports()) {
        if (!i.startsWith("io.hirebot.")) {
          continue;
        }
        String target = i.substring("io.hirebot.".length());
        // bench is a second entry point (a program, like Main): it starts the bot through app's Launcher.
        if (in(target, "app") && !in(s.pkg(), "app", "bench") && !s.pkg().isEmpty()) {
          bad.add(s.pkg() + " -> " + i);
        }
        if (in(s.pkg(), "feature") && in(target, "feature")
            && !target.split("\\.")[1].equals(s.pkg().split("\\.")[1])) {
          bad.add(s.pkg() + " -> " + i);
        }
        if (in(s.pkg(), "sandbox") && !in(target, "sandbox")) {
          bad.add(s.pkg() + " -> " + i);
        }
        if (in(s.pkg(), "bot", "command", "cards", "hire", "i18n", "access")
            && in(target, "feishu", "store", "web", "feature")) {
          bad.add(s.pkg() + " -> " + i);
        }
        if (in(s.pkg(), "command", "cards", "hire", "config", "error", "util", "access", "i18n") && in(target, "bot")) {
          bad.add(s.pkg() + " -> " + i);
        }
      }
    }
    assertTrue(bad.isEmpty(), bad.toString());
  }

  private static final Pattern FEATURE_CLASS =
      Pattern.compile("^(public )?(?:final )?class (\\w+)\\s+implements\\s+[^{]*\\bFeature\\b", Pattern.MULTILINE);

  @Test
  @DisplayName("every feature package has exactly one public <Name>Feature implementing Feature, listed in app/Features")
  void oneFeaturePerPackage() throws IOException {
    String list = Files.readString(SRC.resolve("app/Features.java"));
    List<String> bad = new ArrayList<>();
    List<Path> packages;
    try (Stream<Path> dirs = Files.list(SRC.resolve("feature"))) {
      packages = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(packages.size() >= 11, "feature packages found: " + packages);
    for (Path dir : packages) {
      String name = dir.getFileName().toString();
      String expected = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Feature";
      List<String> found = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = FEATURE_CLASS.matcher(Files.readString(f));
          while (m.find()) {
            found.add((m.group(1) == null ? "package-private " : "") + m.group(2));
          }
        }
      }
      if (!found.equals(List.of(expected))) {
        bad.add("feature." + name + " has " + found + ", wants exactly one public " + expected);
      } else if (!Pattern.compile("\\bnew " + expected + "\\(").matcher(list).find()) {
        bad.add(expected + " is not listed in app/Features");
      }
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  @Test
  @DisplayName("features import only bot, access, cards, command, hire, i18n, store, schedule, util, error, config")
  void featuresImportOnlyTheLowerLayers() throws IOException {
    var bad = new ArrayList<String>();
    for (Source s : sources()) {
      if (!in(s.pkg(), "feature")) {
        continue;
      }
      s.imports().stream().filter(i -> i.startsWith("io.hirebot."))
          .filter(i -> !in(i.substring("io.hirebot.".length()), "bot", "access", "cards", "command", "hire", "i18n",
              "store", "schedule", "util", "error", "config", s.pkg()))
          .forEach(i -> bad.add(s.pkg() + " -> " + i));
    }
    assertTrue(bad.isEmpty(), bad.toString());
  }
}
