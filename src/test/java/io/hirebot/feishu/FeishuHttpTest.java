package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.okhttp.ConnectionSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SDK's HTTP client speaks TLS to an https Feishu, and only plain HTTP to an http emulator. */
class FeishuHttpTest {
  @Test
  @DisplayName("an https base URL gets OkHttp's TLS specs, an http one plain HTTP only (no trust store loaded)")
  void tlsOnlyForHttps() {
    assertTrue(FeishuClients.http("https://open.feishu.cn").connectionSpecs().stream().anyMatch(ConnectionSpec::isTls));
    assertTrue(FeishuClients.http("https://open.feishu.cn").sslSocketFactory() != null);
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), FeishuClients.http("http://127.0.0.1:9").connectionSpecs());
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), FeishuClients.http("HTTP://127.0.0.1:9").connectionSpecs());
  }
}
