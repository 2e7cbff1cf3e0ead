package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

/** A demo-tenant sandbox pushing to an {@link SdkBotStub}, on a Vert.x of their own, for one test class. */
final class StubbedSandbox implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final FeishuSandbox sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
  final SdkBotStub bot = await(new SdkBotStub(vertx, sandbox.config()).start());
  final WebClient web = WebClient.create(vertx);

  StubbedSandbox() {
    pointAtBot();
  }

  /** Pushes go to the stub's webhook URLs again (after a test pointed them elsewhere). */
  void pointAtBot() {
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
  }

  @Override
  public void close() {
    await(bot.close());
    await(sandbox.close());
    await(vertx.close());
  }
}
