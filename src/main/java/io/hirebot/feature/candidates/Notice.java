package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A line at the top of a refreshed candidates card saying what just happened (who did what, when,
 * why), with an optional Undo button whose callback value is {@code undo}. It is written in every language, as the
 * card is: each viewer reads it in their client's language, whoever clicked.
 *
 * @param texts the line in each language
 * @param note what the clicker wrote with the change (a rejection's note), quoted under the line as written, in every
 *     language; "" for none. Kept apart from the texts so a long note is carried once, not once per language.
 * @param dated the same texts with the day written with the time ("· Mon Nov 30 23:58"), for a re-render after the
 *     midnight that followed {@code at} (the moment of the change; null for a notice nothing keeps)
 */
record Notice(Map<Language, String> texts, String note, ObjectNode undo, Map<Language, String> dated, Instant at) {
  /** Where a list's view keeps a notice with an Undo, so the card's re-renders show it until the Undo expires. */
  static final String KEPT = "outcome";

  /** A notice whose text reads the same on any day, with no Undo: {@code text} writes it in a language. */
  static Notice of(Function<Language, String> text) {
    Map<Language, String> texts = inEvery(text);
    return new Notice(texts, "", null, texts, null);
  }

  /**
   * The notice of a change made at {@code at} that {@code undo} can take back: {@code text} writes it in a language,
   * {@code dated} the same with the day of the change.
   */
  static Notice undoable(Function<Language, String> text, Function<Language, String> dated, ObjectNode undo,
      Instant at) {
    return new Notice(inEvery(text), "", undo, inEvery(dated), at);
  }

  /** The same notice with {@code note}, written by the clicker, quoted under it. */
  Notice withNote(String note) {
    return new Notice(texts, note, undo, dated, at);
  }

  /** The line as a reader of {@code lang} sees it (our markdown), with the note quoted under it. */
  String text(Language lang) {
    return note.isEmpty() ? texts.get(lang) : texts.get(lang) + "\n> " + Markdown.escape(note);
  }

  /**
   * The view with this notice kept in it when it offers an Undo: the Undo was promised for its whole window, and a
   * re-render for any other change (another application of the job moving) must not take it away. A notice without
   * one says what a click just did and goes with the next re-render.
   */
  ObjectNode keptIn(ObjectNode view) {
    if (undo != null) {
      ObjectNode kept = view.putObject(KEPT);
      write(kept.putObject("text"), texts);
      write(kept.putObject("dated"), dated);
      if (!note.isEmpty()) {
        kept.put("note", note);
      }
      kept.set("undo", undo);
      if (at != null) {
        kept.put("at", at.toEpochMilli());
      }
    }
    return view;
  }

  /**
   * The notice a view keeps, while its Undo (see {@link ActionKit#undoValue}) is still open, as it reads {@code now}:
   * after the midnight (in {@code zone}) that followed the change, with its day; else null.
   */
  static Notice keptBy(JsonNode view, Instant now, ZoneId zone) {
    JsonNode kept = view.path(KEPT);
    if (!kept.path("undo").isObject() || ActionKit.undoExpiry(kept.path("undo")) < now.toEpochMilli()) {
      return null;
    }
    Map<Language, String> texts = read(kept.path("text"), l -> "");
    Map<Language, String> dated = read(kept.path("dated"), texts::get);
    Instant at = Instant.ofEpochMilli(kept.path("at").asLong(now.toEpochMilli()));
    return new Notice(DateTexts.beforeToday(at, now, zone) ? dated : texts, kept.path("note").asText(""),
        (ObjectNode) kept.get("undo"), dated, at);
  }

  private static Map<Language, String> inEvery(Function<Language, String> text) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      texts.put(lang, text.apply(lang));
    }
    return Collections.unmodifiableMap(texts);
  }

  private static void write(ObjectNode node, Map<Language, String> texts) {
    texts.forEach((lang, text) -> node.put(lang.feishuLocale(), text));
  }

  /**
   * A kept text in each language, keyed by Feishu locale; a view kept by a release before notices were bilingual
   * holds one text, which then stands for every language ({@code missing} where there is none).
   */
  private static Map<Language, String> read(JsonNode kept, Function<Language, String> missing) {
    return inEvery(l -> kept.isTextual() ? kept.asText()
        : kept.path(l.feishuLocale()).isTextual() ? kept.path(l.feishuLocale()).asText() : missing.apply(l));
  }
}
