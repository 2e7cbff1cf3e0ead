package io.hirebot.app;

import io.hirebot.config.BotConfig;
import io.hirebot.feishu.FeishuClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS part of the start-up warm-up ({@link WarmUp#begin} runs it on its early thread): the trust store and a TLS
 * context for a bot that talks to Feishu over TLS, and, in a start that records an archive, one handshake in memory,
 * so that the identity call's TLS code is loaded (and archived) before the call that healthy waits for.
 */
final class TlsWarmUp {
  private static final Logger log = LoggerFactory.getLogger(TlsWarmUp.class);
  /** A throwaway self-signed EC key for {@link #tlsHandshake} (keytool, CN=warm-up.invalid, valid 100 years). */
  static final String LOOPBACK_KEYSTORE = "/warmup/tls-loopback.jks";
  private static final String LOOPBACK_PASSWORD = "warm-up";
  private static final String LOOPBACK_HOST = "warm-up.invalid";
  /** A TLS 1.3 handshake takes 3 round trips here; a bound, so a surprise can never spin. */
  private static final int LOOPBACK_MAX_STEPS = 20;

  private TlsWarmUp() {}

  /**
   * Whether the early thread sets up TLS (the trust store and context; its in-memory handshake only in a start that
   * records an archive, see {@link WarmUp#begin}): only for a bot that talks to Feishu over TLS, or a start that
   * records an archive ({@link ClassArchive}: the Dockerfile trains in sandbox mode for production starts). A sandbox
   * bot talks to its emulator in plain HTTP and never loads that code (JFR: the set-up and the handshake were ~12 % of
   * a sandbox restart's Java CPU, besides the JIT's work on the handshake's key exchange).
   */
  static boolean warmsTls(BotConfig config) {
    return (!config.sandbox() && FeishuClients.usesTls(config.feishu().baseUrl())) || ClassArchive.recording();
  }

  /**
   * Loads the JDK's trust store and initialises a TLS context, as the SDK's HTTP client does when the wiring builds
   * it: the JDK keeps both, so the client's own set-up then takes nothing. Done cold by the wiring, it was about a
   * third of the wiring's time (3.2 of 9.7 s in one restart's class-load log on a loaded machine), and the wiring
   * is the last step before the verticles listen; here it runs while the main thread builds Vert.x.
   */
  static void tls() {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init((KeyStore) null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      // The client's own set-up meets the same failure and reports it; this only saves it time.
      log.debug("warm-up: TLS set-up failed cause={}", e.toString());
    }
  }

  /**
   * One TLS handshake in memory, a client engine against a server engine holding a throwaway self-signed key
   * ({@value #LOOPBACK_KEYSTORE}, never used on a network): the handshake's code (key shares, certificate checking,
   * the key schedule) otherwise loads on the bot's first call to Feishu, the identity call that listening waits for:
   * 641 classes on that thread in a production-mode start (363 of them {@code sun.security.ssl}), and none of them in
   * the Dockerfile's class-data archive, whose training start talks to the emulator over plain HTTP.
   *
   * @return whether the handshake finished
   */
  static boolean tlsHandshake() {
    try (InputStream in = TlsWarmUp.class.getResourceAsStream(LOOPBACK_KEYSTORE)) {
      if (in == null) {
        throw new IllegalStateException("warm-up resource missing from the jar: " + LOOPBACK_KEYSTORE);
      }
      char[] password = LOOPBACK_PASSWORD.toCharArray();
      KeyStore keys = KeyStore.getInstance("JKS");
      keys.load(in, password);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext serverSide = SSLContext.getInstance("TLS");
      serverSide.init(keyManagers.getKeyManagers(), null, null);
      SSLContext clientSide = SSLContext.getInstance("TLS");
      clientSide.init(null, trust.getTrustManagers(), null);
      SSLEngine client = clientSide.createSSLEngine(LOOPBACK_HOST, 443);
      client.setUseClientMode(true);
      SSLEngine server = serverSide.createSSLEngine();
      server.setUseClientMode(false);
      int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
      int app = Math.max(client.getSession().getApplicationBufferSize(),
          server.getSession().getApplicationBufferSize());
      ByteBuffer toServer = ByteBuffer.allocate(packet);
      ByteBuffer toClient = ByteBuffer.allocate(packet);
      ByteBuffer clientApp = ByteBuffer.allocate(app);
      ByteBuffer serverApp = ByteBuffer.allocate(app);
      ByteBuffer nothing = ByteBuffer.allocate(0);
      client.beginHandshake();
      server.beginHandshake();
      for (int step = 0; step < LOOPBACK_MAX_STEPS && !(done(client) && done(server)); step++) {
        client.wrap(nothing, toServer);
        toServer.flip();
        server.unwrap(toServer, serverApp);
        toServer.compact();
        runTasks(server);
        server.wrap(nothing, toClient);
        toClient.flip();
        client.unwrap(toClient, clientApp);
        toClient.compact();
        runTasks(client);
      }
      return done(client) && done(server);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // Only time is lost: the bot's first real handshake loads the same code.
      log.debug("warm-up: TLS loopback handshake failed cause={}", e.toString());
      return false;
    }
  }

  private static boolean done(SSLEngine engine) {
    SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
    return status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
        || status == SSLEngineResult.HandshakeStatus.FINISHED;
  }

  private static void runTasks(SSLEngine engine) {
    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
      task.run();
    }
  }
}
