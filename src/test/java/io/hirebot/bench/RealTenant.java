package io.hirebot.bench;

import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.SandboxConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feishu as a bot with real credentials meets it, for a child bot in real mode: the emulator in this JVM (on a
 * Vert.x of its own), reached over TLS at {@code https://127.0.0.1:<port>} as Feishu is over https, so the child's
 * start does what an operator's does: no emulator or demo tenant in its JVM, the JDK's trust store loaded, the TLS
 * warm-up and a TLS handshake for its identity call. The emulator serves plain HTTP; a TLS front in this JVM
 * forwards the bytes. Its certificate (made here with the JDK's {@code keytool}, for 127.0.0.1) is added to a copy
 * of the JDK's own trust store, which the child is told to use: the trust store it loads is the JDK's, plus one.
 */
final class RealTenant implements AutoCloseable {
  private static final String PASSWORD = "changeit"; // the JDK's cacerts password; nothing here is secret
  private static final Duration START = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final FeishuSandbox sandbox;
  private final NetServer front;
  /** TLS connections the front has accepted: each a handshake on the bot's side. */
  private static final AtomicLong CONNECTIONS = new AtomicLong();
  private final Path trustStore;

  private RealTenant(Vertx vertx, FeishuSandbox sandbox, NetServer front, Path trustStore) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.front = front;
    this.trustStore = trustStore;
  }

  /**
   * Starts the emulator (with its demo tenant) and its TLS front; files go to {@code dir}; the trust store is
   * {@code jdk}'s own plus one, for children on that JDK.
   */
  static RealTenant start(Path dir, ChildJdk jdk) {
    Path keyStore = dir.resolve("emulator-tls.p12");
    Path trustStore = dir.resolve("child-truststore.p12");
    try {
      Files.deleteIfExists(keyStore);
      keytool("-genkeypair", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
          "-alias", "emulator", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
          "-ext", "SAN=ip:127.0.0.1", "-validity", "2");
      trustStore(jdk, keyStore, trustStore);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the emulator's TLS certificate in " + dir, e);
    }
    Vertx vertx = Vertx.vertx();
    try {
      FeishuSandbox sandbox = BenchHttp.await(FeishuSandbox.start(vertx, SandboxConfig.defaults()
          .withVerificationToken(ConfigLoader.SANDBOX_VERIFICATION_TOKEN)
          .withEncryptKey(ConfigLoader.SANDBOX_ENCRYPT_KEY)), START);
      int plainPort = Integer.parseInt(sandbox.baseUrl().substring(sandbox.baseUrl().lastIndexOf(':') + 1));
      NetClient back = vertx.createNetClient();
      NetServer front = BenchHttp.await(vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0)
              .setSsl(true).setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD)))
          .connectHandler(in -> {
            CONNECTIONS.incrementAndGet();
            forward(in, back, plainPort);
          })
          .listen(), START);
      return new RealTenant(vertx, sandbox, front, trustStore);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** Both directions piped once the emulator's side is connected; either closing closes the other. */
  private static void forward(NetSocket in, NetClient back, int port) {
    in.pause();
    back.connect(port, "127.0.0.1").onSuccess(out -> {
      in.pipeTo(out);
      out.pipeTo(in);
      in.resume();
    }).onFailure(e -> in.close());
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running keytool", e);
    }
  }

  /** {@code child}'s cacerts plus the emulator's certificate, written to {@code target}. */
  private static void trustStore(ChildJdk child, Path keyStore, Path target)
      throws IOException, GeneralSecurityException {
    KeyStore jdk = KeyStore.getInstance(child.home().resolve("lib").resolve("security").resolve("cacerts").toFile(),
        PASSWORD.toCharArray());
    KeyStore emulator = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      emulator.load(in, PASSWORD.toCharArray());
    }
    jdk.setCertificateEntry("hirebot-bench-emulator", emulator.getCertificate("emulator"));
    try (OutputStream out = Files.newOutputStream(target)) {
      jdk.store(out, PASSWORD.toCharArray());
    }
  }

  /** How many TLS connections bots have opened to the emulator so far (in this JVM). */
  long connections() {
    return CONNECTIONS.get();
  }

  /** The emulator behind the TLS front: its Hire data, faults and request log. */
  FeishuSandbox sandbox() {
    return sandbox;
  }

  /** The child JVM's flags: trust the emulator's certificate as well as the JDK's. */
  List<String> jvmFlags() {
    return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
  }

  /** A real-mode bot's environment (the README's "Connecting a real Feishu app") on the H2 database in {@code dbDir}. */
  Map<String, String> env(Path dbDir) {
    Map<String, String> env = new HashMap<>();
    env.put("FEISHU_APP_ID", sandbox.config().appId());
    env.put("FEISHU_APP_SECRET", sandbox.config().appSecret());
    env.put("FEISHU_VERIFICATION_TOKEN", ConfigLoader.SANDBOX_VERIFICATION_TOKEN);
    env.put("FEISHU_ENCRYPT_KEY", ConfigLoader.SANDBOX_ENCRYPT_KEY);
    env.put("FEISHU_BASE_URL", "https://127.0.0.1:" + front.actualPort());
    env.put("HIREBOT_DB_URL", "jdbc:h2:file:" + dbDir.resolve("bot"));
    return env;
  }

  @Override
  public void close() {
    BenchHttp.await(vertx.close(), START);
  }
}
