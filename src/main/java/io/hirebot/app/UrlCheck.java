package io.hirebot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.feishu.inbound.FeishuCrypto;
import io.hirebot.i18n.Names;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sends the url_verification challenge Feishu sends when a request URL is saved in the console (encrypted when
 * an Encrypt Key is set) to a public URL, and says what is wrong if the bot behind it does not echo it; blocking,
 * for the doctor command only.
 */
final class UrlCheck {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String verificationToken;
  private final String encryptKey;

  /** @param encryptKey null when the app has none (the challenge then goes in plain JSON) */
  UrlCheck(String verificationToken, String encryptKey) {
    this.verificationToken = verificationToken;
    this.encryptKey = encryptKey;
  }

  /** Empty when the URL answered the challenge as Feishu requires; otherwise what is wrong. */
  Optional<String> problem(String url) {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    String challenge = "hirebot-doctor-" + HexFormat.of().formatHex(nonce);
    try {
      String plain = JSON.createObjectNode().put("type", "url_verification").put("challenge", challenge)
          .put("token", verificationToken == null ? "" : verificationToken).toString();
      String body = encryptKey == null ? plain : JSON.createObjectNode()
          .put("encrypt", FeishuCrypto.encrypt(plain, encryptKey, iv())).toString();
      HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        return Optional.of("answered HTTP " + resp.statusCode() + (resp.statusCode() == 401
            ? ": the bot there has another FEISHU_VERIFICATION_TOKEN / FEISHU_ENCRYPT_KEY" : ""));
      }
      JsonNode answer = JSON.readTree(resp.body());
      return challenge.equals(answer.path("challenge").asText()) ? Optional.empty()
          : Optional.of("did not echo the challenge (answered " + abbreviate(resp.body()) + ")");
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid URL: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("check interrupted");
    } catch (Exception e) {
      return Optional.of("is unreachable (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is the bot running and the URL public?");
    }
  }

  /**
   * The status a request from anyone, without credentials, gets from {@code url} (the bot's {@code /metrics}); empty
   * when it cannot be reached.
   */
  Optional<Integer> statusWithoutCredentials(String url) {
    try {
      return Optional.of(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static byte[] iv() {
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    return iv;
  }

  private static String abbreviate(String s) {
    return Names.cut(s, 80);
  }
}
