package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.token.AccessTokenType;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two emulators in one JVM, each with its real SDK client, as when test classes run side by side: the SDK keeps all
 * clients' tokens in one process-wide cache keyed by app id, so each emulator needs an app id of its own.
 */
class TwoEmulatorsTest {
  @RegisterExtension
  static final SandboxFixture first = SandboxFixture.start(SandboxConfig.defaults());
  @RegisterExtension
  static final SandboxFixture second = SandboxFixture.start(SandboxConfig.defaults());

  @Test
  @DisplayName("each SDK client calls its own emulator with that emulator's token, whichever client fetched first")
  void eachClientKeepsItsOwnToken() throws Exception {
    // GIVEN the second emulator's client got its token (the SDK cached it process-wide)
    assertBotInfo(second);

    // WHEN the first emulator's client calls its emulator
    // THEN that emulator accepts the token its client presents
    assertBotInfo(first);
    assertBotInfo(second);
  }

  private static void assertBotInfo(SandboxFixture f) throws Exception {
    RawResponse r = f.sdk.get("/open-apis/bot/v3/info", null, AccessTokenType.Tenant);
    String body = new String(r.getBody(), StandardCharsets.UTF_8);
    assertEquals(200, r.getStatusCode(), f.sandbox.config().appId() + ": " + body);
    assertEquals(0, new JsonObject(body).getInteger("code"), body);
  }
}
