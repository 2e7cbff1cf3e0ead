package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.bench.ChildBot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A bot whose port is taken, as an operator starts it (its own JVM): it exits with one line saying which address it
 * could not listen on, and nothing else (no stack trace from a call still in flight as the process ends).
 */
class FailedStartTest {
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(180); // generous: the machine may be shared

  @Test
  @DisplayName("port taken: exit code 1 and one line naming the address, no stack trace")
  void portTaken() throws IOException {
    // GIVEN the port the bot is told to use, held by another program (sandbox mode listens on 127.0.0.1)
    Path log = Path.of("target", "failed-start.log");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Path db = Files.createTempDirectory("hirebot-failed-start");

      // WHEN the bot starts
      ChildBot child = ChildBot.launchOnPort(log, port, Map.of("HIREBOT_DB_URL", "jdbc:h2:file:" + db.resolve("bot")),
          "--sandbox");
      int exit = child.awaitExit(EXIT_TIMEOUT);

      // THEN it exits with 1 and says once what failed, with no stack trace or error after it (the child's INFO
      // lines, which the test classpath's logging configuration lets through, aside)
      List<String> output = Files.readAllLines(log);
      String all = String.join("\n", output);
      assertEquals(1, exit, all);
      assertEquals(List.of("hirebot: failed to start: cannot listen on 127.0.0.1:" + port + ": Address already in use"),
          output.stream().filter(l -> l.startsWith("hirebot:")).toList(), all);
      assertEquals(List.of(), output.stream()
          .filter(l -> l.contains("Exception") || l.contains("ERROR") || l.startsWith("\tat "))
          .toList(), all);
    }
  }
}
