package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a command answers with: a text message or an interactive card (JSON 2.0). */
public sealed interface Reply {
  /**
   * A text message. Its markup ({@code **bold**}, a code span) comes from our i18n patterns, which cards share; a
   * Feishu text message renders none of it ({@code <b>} is its bold), so {@link #asTextMessage} is what is sent. When
   * the text has to be shown in a card instead (a late answer replacing "still waiting"), the card needs the same
   * words with that markup live and the data in them escaped, which only the composer can tell apart.
   *
   * @param markdown the same message as card markdown (data escaped, our markup kept), or null for a text whose every
   *     character is data (then the card shows it all escaped)
   */
  record Text(String text, String markdown) implements Reply {
    private static final Pattern BOLD = Pattern.compile("\\*\\*(\\S(?:[^*\\n]*?\\S)?)\\*\\*");

    public Text(String text) {
      this(text, null);
    }

    /** The text as card markdown: {@link #markdown} when composed, otherwise each line escaped. */
    public String asMarkdown() {
      return markdown != null ? markdown
          : text == null ? "" : text.lines().map(Markdown::escape).collect(Collectors.joining("\n"));
    }

    /**
     * The text as a Feishu text message: our {@code **bold**} as the text message's {@code <b>bold</b>} (a text
     * message shows asterisks as typed). Data cannot open a tag ({@link Markdown#textMessage}); a pair of "**" in
     * data turns bold too, which changes no one's reading. Code spans keep their backticks (a text message has no
     * code style; the backticks still mark what to type).
     */
    public String asTextMessage() {
      return text == null ? "" : BOLD.matcher(text).replaceAll("<b>$1</b>");
    }

    /** This text followed by {@code more}, both forms. */
    public Text plus(Text more) {
      return new Text(text + more.text, asMarkdown() + more.asMarkdown());
    }
  }

  /**
   * The i18n pattern {@code key} filled with {@code args} in both forms: the text message with the data kept out of
   * its markup ({@link Markdown#textMessage}: a typed {@code <at user_id="all">} mentions no one), the card markdown
   * with the data escaped ({@link Markdown#message}); a {@link Text} argument goes in as its own form in each.
   */
  static Text text(Messages messages, Language lang, String key, Object... args) {
    Object[] plain = new Object[args.length];
    Object[] marked = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      plain[i] = args[i] instanceof Text t ? t.text()
          : args[i] instanceof CharSequence data ? Markdown.textMessage(data.toString()) : args[i];
      marked[i] = args[i] instanceof Text t ? new Markdown.Own(t.asMarkdown()) : args[i];
    }
    return new Text(messages.get(lang, key, plain), Markdown.message(messages, lang, key, marked));
  }

  /**
   * @param view the callback value that renders this card again (living cards re-render it on a stage change),
   *     or null for a card nothing should re-render
   */
  record Card(ObjectNode card, ObjectNode view) implements Reply {}

  static Reply card(ObjectNode card) {
    return new Card(card, null);
  }

  static Reply card(ObjectNode card, ObjectNode view) {
    return new Card(card, view);
  }
}
