package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lark.oapi.core.utils.Decryptor;
import io.hirebot.sandbox.push.EnvelopeCrypto;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvelopeCryptoTest {

  private static final String CHALLENGE = "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"vt_test\",\"type\":\"url_verification\"}";
  private static final String OWN_VECTOR = "AAECAwQFBgcICQoLDA0ODw9mLTIAZS9jAmGTQ1wAhHpnBHVL2wRjH9rPunQdQC1vT67EVmpbgij9eQPX8O5Wp/qZSd48Ig55stVR/sozAul8BHxsA7DA+FuUwrCSBqd5";

  @Test
  @DisplayName("Decrypts the official vector 'hello world'")
  void officialVector() {
    assertEquals("hello world", EnvelopeCrypto.decrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="));
  }

  @Test
  @DisplayName("Encrypting with the fixed IV 00..0f reproduces the reference vector")
  void ownVector() {
    byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    assertEquals(OWN_VECTOR, EnvelopeCrypto.encrypt("test key", CHALLENGE, iv));
  }

  @Test
  @DisplayName("The signature vector of §1.5 matches")
  void signatureVector() {
    String body = "{\"encrypt\":\"" + OWN_VECTOR + "\"}";
    assertEquals("c77c3ee702f8e93d97e876019407aee69e7f6077f64cc19d4e29e2c84f37a779",
        EnvelopeCrypto.sign("1700000000", "abc", "test key", body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("The SDK's Decryptor reads what the sandbox encrypts (random IV, non-ASCII text)")
  void sdkDecrypts() throws Exception {
    String plain = "{\"text\":\"后端开发工程师 的候选人\"}";
    assertEquals(plain, new Decryptor("k").decrypt(EnvelopeCrypto.encrypt("k", plain)));
  }
}
