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
}
