package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hirebot.testing.WholeCharacters;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The doctor's check of a request URL: what it says when the bot there does not echo Feishu's challenge. */
class UrlCheckTest {
  @Test
  @DisplayName("an answer that is not the challenge is quoted to 80 characters, an emoji at the cut kept whole or "
      + "left out, never split")
  void answerQuotedWhole() throws Exception {
    // The emoji's first half is the answer's 77th character, where the quote is cut.
    String head = "{\"challenge\":\"not yours\",\"x\":\"";
    String answer = head + "a".repeat(76 - head.length()) + "😀" + "a".repeat(40) + "\"}";
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      Optional<String> problem = new UrlCheck("token", null)
          .problem("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/event");
      assertTrue(problem.isPresent() && problem.get().startsWith("did not echo the challenge"), problem.toString());
      WholeCharacters.assertWhole(problem.get());
      assertTrue(problem.get().contains("…"), problem.get());
    } finally {
      server.stop(0);
    }
  }
}
