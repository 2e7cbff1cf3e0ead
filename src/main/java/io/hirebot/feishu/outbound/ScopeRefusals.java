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
  private ScopeRefusals() {}

  /** The scope to name for a refused SDK call, or "" when the refusal is not about a scope. */
  public static String scopeToName(String operation, BaseResponse<?> resp) {
    if (resp.getCode() != FeishuApiException.MISSING_SCOPE) {
      return "";
    }
    List<String> listed = new ArrayList<>();
    ErrorPermissionViolation[] violations = resp.getError() == null ? null : resp.getError().getPermissionViolations();
    if (violations != null) {
      for (ErrorPermissionViolation v : violations) {
        if (v != null && v.getSubject() != null && !v.getSubject().isBlank()) {
          listed.add(v.getSubject().trim());
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
    body.path("error").path("permission_violations").forEach(v -> {
      String subject = v.path("subject").asText("").trim();
      if (!subject.isEmpty()) {
        listed.add(subject);
      }
    });
    return FeishuScopes.toName(operation, listed);
  }
}
