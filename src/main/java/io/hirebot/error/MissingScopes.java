package io.hirebot.error;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Feishu scopes this app is known to lack, learnt from the start-up self-check and from any call Feishu
 * refused with 99991672. Features read it to leave out what they may not show (a field Feishu silently omits
 * without its scope looks the same as an empty one); each scope is logged once when first found missing.
 * A scope is named by the one the README asks for; "missing" means the app has none of the alternatives
 * Feishu accepts in its place (the self-check calls the endpoint, which accepts any of them). Thread-safe.
 */
public final class MissingScopes {
  private static final Logger log = LoggerFactory.getLogger(MissingScopes.class);

  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private volatile Consumer<String> onNewlyMissing = scope -> { };

  /** Records that the app lacks {@code scope}; true (and one log line) only the first time. */
  public boolean record(String scope, String usedFor) {
    if (scope == null || scope.isEmpty() || !missing.add(scope)) {
      return false;
    }
    log.warn("feishu scope missing scope={} used_for=\"{}\" fix=\"developer console → Permissions & Scopes → add {}, "
        + "then publish a new version\"", scope, usedFor, scope);
    onNewlyMissing.accept(scope);
    return true;
  }

  /** Forgets a scope the self-check found granted again (an admin added it). */
  public void granted(String scope) {
    if (missing.remove(scope)) {
      log.info("feishu scope granted again scope={}", scope);
    }
  }

  public boolean isMissing(String scope) {
    return missing.contains(scope);
  }

  public Set<String> all() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(missing));
  }

  /** Called once per newly missing scope (e.g. to tell the admins); replaces the previous listener. */
  public void onNewlyMissing(Consumer<String> listener) {
    this.onNewlyMissing = listener;
  }
}
