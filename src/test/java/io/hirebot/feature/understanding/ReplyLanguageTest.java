package io.hirebot.feature.understanding;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.SCREENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language of the cards that ask before acting, ask which one is meant or say a negated change changed nothing
 * (QA: an English user's "advance 王敏" got a Chinese card, and so did "don't reject 张伟"): the language the command
 * is written in, whatever script the person's name is in.
 */
@DisplayName("Cards that confirm or clarify answer in the command's language, not its names'")
class ReplyLanguageTest {

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start()
      .with(TestFeatures::candidates, TestFeatures::profile, TestFeatures::understanding, TestFeatures::typedActions)
      .withLexicon();

  @BeforeEach
  void namesToPickFrom() {
    // A second 张 and a second Alice, so that "candidate 张" and "候选人 Alice" ask which one
    h.hire.addApplication(BACKEND, h.hire.addTalent("张敏", "13900000001", "zhangmin@example.com"), SCREENING,
        h.clock.instant().minus(Duration.ofDays(3)));
    h.hire.addApplication(BACKEND, h.hire.addTalent("Alice Wang", "13900000002", "alicewang@example.com"), SCREENING,
        h.clock.instant().minus(Duration.ofDays(4)));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # English commands about people with Chinese names (these got Chinese cards)
      note on 张伟: strong system design     | Add a note to 张伟?       | EN
      advance 张伟                           | Advance 张伟?             | EN
      reject 张伟 - not a fit                | Reject 张伟?              | EN
      where is 张伟                          | Where is 张伟?            | EN
      candidate 张                           | Which candidate?          | EN
      don't reject 张伟                      | Nothing changed           | EN
      # Chinese commands about people with Latin names
      给Alice Chen备注：strong system design | 给 Alice Chen 加备注？    | ZH
      推进 Alice Chen                        | 推进 Alice Chen？         | ZH
      淘汰Alice Chen：not a fit              | 淘汰 Alice Chen？         | ZH
      Alice Chen 到哪一步了                  | Alice Chen 到哪一步了？   | ZH
      候选人 Alice                           | 哪一位候选人？            | ZH
      不要淘汰 Alice Chen                    | 未做任何更改              | ZH
      """)
  void cardInTheCommandsLanguage(String typed, String title, Language language) {
    // 张伟 applied to Data Scientist (Wang's job), Alice Chen to Backend Engineer (Li's)
    String asker = typed.contains("Alice") ? SmallTenant.RECRUITER_LI : SmallTenant.RECRUITER_WANG;

    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, asker, typed);

    assertTrue(card.isCard(), typed + ": " + card.all());
    assertEquals(title, card.title(), card.all());
    if (language == Language.EN) {
      // All of it in English but the names: buttons, Hire's reasons and stages, and what its buttons answer in
      String withoutNames = card.all().replaceAll("张伟|张敏|张", "");
      assertFalse(withoutNames.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          card.all());
      assertFalse(card.contains("zh_cn"), card.all());
    }
  }
}
