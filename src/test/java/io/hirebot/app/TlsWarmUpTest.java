package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The start-up sets up TLS early only for a bot that will talk TLS to Feishu (or a JVM recording an archive), and its
 * in-memory handshake completes.
 */
class TlsWarmUpTest {
  private static final Map<String, String> PRODUCTION = Map.of("FEISHU_APP_ID", "cli_a", "FEISHU_APP_SECRET", "s",
      "FEISHU_VERIFICATION_TOKEN", "vt", "FEISHU_ENCRYPT_KEY", "ek");

  @Test
  @DisplayName("production against Feishu's https URL warms TLS; the sandbox and an http emulator do not")
  void onlyWhereTlsIsUsed() {
    // GIVEN this test JVM, which records no class-data archive
    assertFalse(ClassArchive.recording());

    // THEN a production bot pointed at Feishu (the default URL, or one set explicitly) warms TLS up
    assertTrue(TlsWarmUp.warmsTls(ConfigLoader.load(PRODUCTION, List.of())));
    var explicit = new java.util.HashMap<>(PRODUCTION);
    explicit.put("FEISHU_BASE_URL", "https://open.larksuite.com");
    assertTrue(TlsWarmUp.warmsTls(ConfigLoader.load(explicit, List.of())));
    // AND a sandbox bot (its emulator is plain HTTP) does not
    assertFalse(TlsWarmUp.warmsTls(ConfigLoader.load(Map.of(), List.of("--sandbox"))));
    // AND neither does a production bot pointed at an emulator in plain HTTP
    var emulator = new java.util.HashMap<>(PRODUCTION);
    emulator.put("FEISHU_BASE_URL", "http://127.0.0.1:9");
    assertFalse(TlsWarmUp.warmsTls(ConfigLoader.load(emulator, List.of())));
  }

  @Test
  @DisplayName("the TLS handshake in memory completes with the jar's throwaway key (the identity call's TLS code)")
  void tlsHandshakeInMemory() {
    assertTrue(TlsWarmUp.tlsHandshake());
  }
}
