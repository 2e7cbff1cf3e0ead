package io.hirebot.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hirebot.access.HiringDataRule.Place;
import io.hirebot.hire.HireTask;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.SmallTenant;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one rule for where hiring data may go, as the gate and "Follow this job here" both ask it. */
class HiringDataRuleTest {
  private static final String ENABLED = "oc_enabled";
  private static final String CLOSED = "oc_closed";
  private static final String STRANGER = "ou_stranger";

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start();

  private final GroupAccess groups = new GroupAccess() {
    @Override
    public Future<Boolean> enabled(String chatId) {
      return Future.succeededFuture(Set.of(ENABLED).contains(chatId));
    }

    @Override
    public Future<Void> set(String chatId, boolean enabled, String byOpenId) {
      throw new UnsupportedOperationException();
    }
  };

  private String refusal(String chat, Place place, String who, boolean interviewerMay) {
    HiringDataRule rule = new HiringDataRule(groups, h.access);
    return h.await(() -> rule.refusal(chat, place, who, interviewerMay));
  }

  @Test
  @DisplayName("a group: anyone once enabled, nobody before; a private chat: the hiring team, an interviewer only "
      + "for what is theirs; unknown: an enabled chat, else as privately")
  void table() {
    assertNull(refusal(ENABLED, Place.GROUP, STRANGER, false));
    assertEquals("access.notEnabled", refusal(CLOSED, Place.GROUP, SmallTenant.RECRUITER_LI, true));

    assertNull(refusal("oc_p2p", Place.PRIVATE, SmallTenant.RECRUITER_LI, false));
    assertNotNull(refusal("oc_p2p", Place.PRIVATE, STRANGER, true));
    assertEquals("access.interviewerOnly", refusal("oc_p2p", Place.PRIVATE, SmallTenant.INTERVIEWER_LIU, false));
    assertNull(refusal("oc_p2p", Place.PRIVATE, SmallTenant.INTERVIEWER_LIU, true));
    assertNull(refusal(null, Place.PRIVATE, SmallTenant.RECRUITER_LI, false), "a menu click names no chat");

    assertNull(refusal(ENABLED, Place.UNKNOWN, STRANGER, false));
    assertNull(refusal(CLOSED, Place.UNKNOWN, SmallTenant.RECRUITER_LI, false));
    assertEquals("access.interviewerOnly", refusal(CLOSED, Place.UNKNOWN, SmallTenant.INTERVIEWER_LIU, false),
        "an interviewer may not make a chat follow a job");
    assertNotNull(refusal(CLOSED, Place.UNKNOWN, STRANGER, true));
  }

  /** The profile rule's verdict on the talent {@code name} for {@code who} in {@code chat}. */
  private String profile(String chat, Place place, String who, String name) {
    HiringDataRule rule = new HiringDataRule(groups, h.access);
    List<String> applications = h.await(() -> h.hire.applicationIdsOfTalent(h.hire.talent(name).id()));
    return h.await(() -> rule.profiles(rule.enabled(chat), Future.succeededFuture(place), who)
        .compose(p -> p.refusal(applications)));
  }

  @Test
  @DisplayName("profiles: an interviewer privately sees those of the candidates Hire involves them with (an interview "
      + "they hold, a task of theirs) and no one else's; in an enabled group, and to the hiring team, anyone's")
  void profiles() {
    String liu = SmallTenant.INTERVIEWER_LIU;
    assertNull(profile("oc_p2p", Place.PRIVATE, liu, "Carol Wu"), "Liu interviews Carol tomorrow");
    assertEquals(HiringDataRule.NOT_THEIR_CANDIDATE, profile("oc_p2p", Place.PRIVATE, liu, "Alice Chen"));
    assertEquals(HiringDataRule.NOT_THEIR_CANDIDATE, profile(CLOSED, Place.UNKNOWN, liu, "Alice Chen"),
        "a card the bot never recorded, in a chat not enabled");
    assertNull(profile(ENABLED, Place.GROUP, liu, "Alice Chen"));
    assertNull(profile("oc_p2p", Place.PRIVATE, SmallTenant.RECRUITER_WANG, "Alice Chen"), "the team of another job");

    // A resume of Alice's to evaluate makes her Liu's candidate too
    String alice = h.await(() -> h.hire.applicationIdsOfTalent(h.hire.talent("Alice Chen").id())).get(0);
    h.hire.addTask(liu, new HireTask(HireTask.Kind.EVALUATION, "evaluation_alice", SmallTenant.BACKEND.id(),
        h.hire.talent("Alice Chen").id(), alice));
    assertNull(profile("oc_p2p", Place.PRIVATE, liu, "Alice Chen"));
  }
}
