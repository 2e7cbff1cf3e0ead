package io.hirebot.feature.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.SharedTurns;
import io.hirebot.bot.Toast;
import io.hirebot.hire.Application;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click whose write cannot have the application's turn among replicas (another replica's write keeps it, or the
 * database does not answer): Hire gets no write, and the clicker is told so in words, in both languages.
 */
class MissedTurnsTest {
  @RegisterExtension
  final FeatureHarness busy = FeatureHarness.start().withTurns(missing(SharedTurns.Missed.BUSY))
      .with(TestFeatures::candidates);
  @RegisterExtension
  final FeatureHarness down = FeatureHarness.start().withTurns(missing(SharedTurns.Missed.UNAVAILABLE))
      .with(TestFeatures::candidates);

  @Test
  @DisplayName("another replica's write keeps the application: Advance writes nothing and says to try again")
  void busy() {
    FeatureHarness.Clicked clicked = advanceAlice(busy);

    assertEquals(List.of(), busy.hire.calls("transferStage"));
    assertEquals(Toast.Type.WARNING, clicked.toastType(), clicked.toString());
    assertTrue(clicked.toast().contains("Nothing was changed; try again in a moment"), clicked.toast());
    assertTrue(clicked.toasts().text(Language.ZH).contains("请稍后再试"), clicked.toasts().text(Language.ZH));
  }

  @Test
  @DisplayName("the database does not answer: Advance writes nothing and says why, with no error reference")
  void databaseDown() {
    FeatureHarness.Clicked clicked = advanceAlice(down);

    assertEquals(List.of(), down.hire.calls("transferStage"));
    assertEquals(Toast.Type.ERROR, clicked.toastType(), clicked.toString());
    assertTrue(clicked.toast().contains("its database did not answer"), clicked.toast());
    assertTrue(clicked.toasts().text(Language.ZH).contains("数据库未响应"), clicked.toasts().text(Language.ZH));
  }

  private static FeatureHarness.Clicked advanceAlice(FeatureHarness h) {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    Application alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), SmallTenant.BACKEND);
    return h.click(card.button("advance", "application_id", alice.id()), SmallTenant.RECRUITER_LI);
  }

  /** Turns that are never had, for this reason. */
  private static SharedTurns missing(SharedTurns.Missed why) {
    return new SharedTurns() {
      @Override
      public <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> work,
          Function<Missed, Future<T>> instead) {
        return instead.apply(why);
      }
    };
  }
}
