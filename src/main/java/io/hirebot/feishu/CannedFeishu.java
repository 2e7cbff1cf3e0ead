package io.hirebot.feishu;

import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.request.RawRequest;
import com.lark.oapi.core.response.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for Feishu used by the start-up warm-up: the SDK transport answers the requests of a first
 * answer (token, the bot's info, Hire's jobs, processes, applications, an application's detail and written tests,
 * IM's message create and reply, a card's delayed update) with canned
 * bodies recorded from the emulator ({@code resources/warmup/}), and anything else with a refusal. It never opens a
 * socket, so warming the SDK's request building and JSON mapping costs no Hire call and sends nothing to any chat.
 */
final class CannedFeishu implements IHttpTransport {
  private static final Logger log = LoggerFactory.getLogger(CannedFeishu.class);
  /** Not a resolvable host (RFC 2606): were a request ever to escape this transport, it would go nowhere. */
  static final String BASE_URL = "http://feishu.warm-up.invalid";
  private static final String NOT_CANNED = "{\"code\":1254000,\"msg\":\"not canned for the warm-up\"}";

  /** Path (after /open-apis/) → resource, first match wins: get_detail before the application list. */
  private static final List<Map.Entry<String, String>> ROUTES = List.of(
      Map.entry("auth/v3/tenant_access_token/internal", "tenant_access_token.json"),
      Map.entry("bot/v3/info", "bot_info.json"),
      Map.entry("hire/v1/jobs", "jobs.json"),
      Map.entry("hire/v1/job_processes", "job_processes.json"),
      Map.entry("hire/v1/applications/*/get_detail", "get_detail.json"),
      Map.entry("hire/v1/applications", "applications.json"),
      Map.entry("hire/v1/tests/search", "tests_search.json"),
      Map.entry("im/v1/messages", "messages.json"),
      Map.entry("im/v1/messages/*/reply", "messages.json"),
      // A click answered after Feishu's callback budget (a busy machine) completes its card with a delayed update.
      Map.entry("interactive/v1/card/update", "ok.json"));

  @Override
  public RawResponse execute(RawRequest request) {
    String path = URI.create(request.getReqUrl()).getPath().replaceFirst("^/open-apis/", "");
    var canned = ROUTES.stream().filter(r -> matches(r.getKey(), path)).findFirst().map(r -> resource(r.getValue()));
    if (canned.isEmpty()) {
      log.debug("warm-up: not canned path={}", path);
    }
    String body = canned.orElse(NOT_CANNED);
    RawResponse response = new RawResponse();
    response.setStatusCode(canned.isPresent() ? 200 : 404);
    response.setContentType("application/json; charset=utf-8");
    response.setHeaders(Map.of("Content-Type", List.of("application/json; charset=utf-8"),
        "X-Tt-Logid", List.of("warm-up")));
    response.setBody(body.getBytes(StandardCharsets.UTF_8));
    return response;
  }

  /** {@code pattern} with {@code *} standing for one path segment. */
  private static boolean matches(String pattern, String path) {
    String[] want = pattern.split("/");
    String[] got = path.split("/");
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!want[i].equals("*") && !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }

  private static String resource(String name) {
    try (InputStream in = CannedFeishu.class.getResourceAsStream("/warmup/" + name)) {
      if (in == null) {
        throw new IllegalStateException("warm-up resource missing from the jar: /warmup/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the warm-up resource /warmup/" + name, e);
    }
  }
}
