package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current offer of each application, read the way Hire allows: one offer list per talent (cached by the
 * directory, and forgotten when an offer changes), the newest offer of an application winning over one it
 * replaced. The offers card and the digest both read statuses through here.
 */
public final class OfferStatuses {
  private OfferStatuses() {}

  /** Application id → its current offer; applications without an offer are absent. */
  public static Future<Map<String, Offer>> of(HireDirectory hire, Collection<Application> applications) {
    Set<String> wanted = applications.stream().map(Application::id).collect(Collectors.toSet());
    Map<String, Future<List<Offer>>> byTalent = new LinkedHashMap<>();
    applications.forEach(a -> byTalent.computeIfAbsent(a.talentId(), hire::offersOfTalent));
    List<Future<List<Offer>>> reads = new ArrayList<>(byTalent.values());
    return Future.all(reads).map(done -> {
      Map<String, Offer> current = new HashMap<>();
      reads.forEach(read -> read.result().stream().filter(o -> wanted.contains(o.applicationId()))
          .forEach(o -> current.merge(o.applicationId(), o, Offer::newer)));
      return current;
    });
  }
}
