package io.hirebot.feishu.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.error.ErrorPermissionViolation;
import io.hirebot.error.FeishuApiException;
import io.hirebot.feishu.FeishuScopes;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises Feishu's "missing scope" answer (HTTP 400, code 99991672, {@code error.permission_violations[]} of
 * type {@code action_scope_required}, one per acceptable scope) and picks the scope to name; pure functions that
 * any error handling can call.
 */
public final class ScopeRefusals {
  /**
   * What a scope name looks like; anything else Feishu might list is dropped, so a named scope is safe to show
   * verbatim (inside a markdown code span, where entities would not be decoded).
   */
  private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile("[A-Za-z0-9:._-]{1,100}");

  private ScopeRefusals() {}

  private static void addIfScope(List<String> listed, String subject) {
    String s = subject == null ? "" : subject.trim();
    if (SCOPE.matcher(s).matches()) {
      listed.add(s);
    }
  }

  /** The scope to name for a refused SDK call, or "" when the refusal is not about a scope. */
  public static String scopeToName(String operation, BaseResponse<?> resp) {
    if (resp.getCode() != FeishuApiException.MISSING_SCOPE) {
      return "";
    }
    List<String> listed = new ArrayList<>();
    ErrorPermissionViolation[] violations = resp.getError() == null ? null : resp.getError().getPermissionViolations();
    if (violations != null) {
      for (ErrorPermissionViolation v : violations) {
        if (v != null) {
          addIfScope(listed, v.getSubject());
        }
      }
    }
    return FeishuScopes.toName(operation, listed);
  }

  /** The same for a call whose whole body was read as JSON. */
  public static String scopeToName(String operation, JsonNode body) {
    if (body == null || body.path("code").asInt(-1) != FeishuApiException.MISSING_SCOPE) {
      return "";
    }
    List<String> listed = new ArrayList<>();
    body.path("error").path("permission_violations").forEach(v -> addIfScope(listed, v.path("subject").asText("")));
    return FeishuScopes.toName(operation, listed);
  }
}
