package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;

import com.lark.oapi.Client;
import io.hirebot.testing.SelfClosingFixture;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x and one Feishu sandbox on a random port for a sandbox test class, with a real SDK client and a web
 * client pointed at it; the JUnit 5 extension that closes them after the class ({@link SelfClosingFixture}). Register it
 * on a static field:
 * <pre>
 * {@literal @}RegisterExtension
 * static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()).resettingEachTest();
 * </pre>
 */
final class SandboxFixture extends SelfClosingFixture implements BeforeEachCallback {
  final Vertx vertx;
  final FeishuSandbox sandbox;
  /** A real oapi-sdk client with a token cache of its own (see {@link SandboxTestSupport#sdk}). */
  final Client sdk;
  /** For raw HTTP against the sandbox (bodies the SDK would never send); kept in a field, as Vert.x 5 asks. */
  final WebClient web;
  private boolean resetEachTest;

  private SandboxFixture(Vertx vertx, FeishuSandbox sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.sdk = SandboxTestSupport.sdk(sandbox);
    this.web = WebClient.create(vertx);
  }

  static SandboxFixture start(SandboxConfig config) {
    Vertx vertx = Vertx.vertx();
    return new SandboxFixture(vertx, await(FeishuSandbox.start(vertx, config)));
  }

  /** Puts the tenant, the request log and the faults back as they started before each test. */
  SandboxFixture resettingEachTest() {
    resetEachTest = true;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetEachTest) {
      sandbox.reset();
    }
  }

  @Override
  public void close() {
    web.close();
    await(sandbox.close());
    await(vertx.close());
  }
}
