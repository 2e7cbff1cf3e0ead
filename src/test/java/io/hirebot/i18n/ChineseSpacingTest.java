package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.cards.WaitingOnTeam;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chinese texts space as Chinese typography does: a space between Chinese and Latin letters or digits, none between
 * Chinese and Chinese, whatever a filled-in value begins or ends with. The exploratory pass read "已等 不到一小时",
 * "推送Offer 动态" and "内容为 这里订阅的职位".
 */
class ChineseSpacingTest {
  private final Messages messages = Messages.load();
  private final WaitingOnTeam words = new WaitingOnTeam(messages);

  @Test
  @DisplayName("a task row says how long it waited with no stray space, under an hour as in hours and days")
  void waitedInTaskRow() {
    assertEquals("📄 简历评估：**张伟** · 后端工程师 · 已等不到 1 小时", row(Duration.ofMinutes(20)));
    assertEquals("📄 简历评估：**张伟** · 后端工程师 · 已等 5 小时", row(Duration.ofHours(5)));
    assertEquals("📄 简历评估：**张伟** · 后端工程师 · 已等 3 天", row(Duration.ofDays(3)));
    assertEquals("1 项待办已等待超过 1 天：",
        messages.get(Language.ZH, "tasks.nudge.intro", 1, words.waited(Duration.ofHours(24), Language.ZH)));
    assertEquals("你负责的职位上有 2 项待办已等待超过 2 天：",
        messages.get(Language.ZH, "tasks.escalate.intro", 2, words.waited(Duration.ofDays(2), Language.ZH)));
    assertEquals("**张伟**（后端工程师，不到 1 小时）", messages.get(Language.ZH, "tasks.person.item", "张伟", "后端工程师",
        words.waited(Duration.ofMinutes(20), Language.ZH)));
  }

  @Test
  @DisplayName("a subscription's kinds read well after 推送 whether the list begins in Chinese or with “Offer”")
  void subscribedKinds() {
    assertEquals("已订阅 **Backend Engineer**：我会在这里推送 Offer 动态。",
        messages.get(Language.ZH, "subs.subscribed", "Backend Engineer", messages.get(Language.ZH, "subs.kind.offer")));
    assertEquals("已订阅**后端工程师**：我会在这里推送新投递、Offer 动态。",
        messages.get(Language.ZH, "subs.subscribed", "后端工程师", "新投递、Offer 动态"));
    assertEquals("这里现在订阅**后端工程师**的 Offer 动态；不再接收它的新投递。",
        messages.get(Language.ZH, "subs.changed", "后端工程师", "Offer 动态", "新投递"));
  }

  @Test
  @DisplayName("a digest schedule names what it holds right after 内容为: the chat's subscribed jobs, or a job in any "
      + "script")
  void digestContents() {
    assertEquals("每天 09:00（Asia/Shanghai），内容为本聊天订阅的职位", schedule(
        messages.get(Language.ZH, "digest.set.subscribed")));
    assertEquals("每天 09:00（Asia/Shanghai），内容为 Backend Engineer", schedule("Backend Engineer"));
    assertEquals("每天 09:00（Asia/Shanghai），内容为后端工程师", schedule("后端工程师"));
  }

  @Test
  @DisplayName("a bold value sits flush against the Chinese around it, spaced outside its ** only where it begins or "
      + "ends in Latin letters or digits (on main: \"当前在 **简历筛选**\")")
  void boldValues() {
    assertEquals("**张伟**当前在**简历筛选**，转移到：", messages.get(Language.ZH, "form.move.text", "张伟", "简历筛选"));
    assertEquals("**Alice Chen** 当前在 **Offer 沟通**，转移到：",
        messages.get(Language.ZH, "form.move.text", "Alice Chen", "Offer 沟通"));
  }

  @Test
  @DisplayName("a bold value that begins or ends with punctuation keeps a space from the Chinese beside it, so that its "
      + "** still reads as bold under CommonMark's flanking rules")
  void boldValueEdgedWithPunctuation() {
    assertEquals("**张伟**当前在 **（二面）**，转移到：", messages.get(Language.ZH, "form.move.text", "张伟", "（二面）"));
  }

  private String row(Duration waited) {
    return messages.get(Language.ZH, "tasks.row", messages.get(Language.ZH, "tasks.kind.evaluation"), "张伟", "后端工程师",
        words.waited(waited, Language.ZH));
  }

  private String schedule(String what) {
    return messages.get(Language.ZH, "digest.schedule", "每天", "09:00", "Asia/Shanghai", what);
  }
}
