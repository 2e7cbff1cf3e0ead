package io.hirebot.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scopes the app has been granted in the sandbox tenant (default: every scope), as an admin sets them in
 * the developer console. A call without any of its scopes answers 99991672, a {@code get_detail} field without
 * its scope is left out, and an event without its scope is not delivered. Thread-safe.
 */
public final class TenantScopes {
  private volatile boolean all = true;
  private final Set<String> granted = ConcurrentHashMap.newKeySet();

  /** Grants exactly these scopes (and no others). */
  public synchronized TenantScopes only(Collection<String> scopes) {
    granted.clear();
    granted.addAll(scopes);
    all = false;
    return this;
  }

  /** Grants every scope (the default). */
  public synchronized TenantScopes grantAll() {
    granted.clear();
    all = true;
    return this;
  }

  /** Takes scopes away; from "every scope" that leaves every scope the sandbox knows but these. */
  public synchronized TenantScopes revoke(String... scopes) {
    if (all) {
      only(ScopeRules.known());
    }
    List.of(scopes).forEach(granted::remove);
    return this;
  }

  public boolean has(String scope) {
    return all || granted.contains(scope);
  }

  /** Whether any one of {@code anyOf} is granted; a need of no scope is always met. */
  public boolean allows(List<String> anyOf) {
    return anyOf.isEmpty() || anyOf.stream().anyMatch(this::has);
  }
}
