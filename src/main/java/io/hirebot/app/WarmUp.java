package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.command.CommandParser;
import io.hirebot.config.BotConfig;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code of a first answer once at start-up, on a worker thread, before the bot reports healthy: parsing
 * commands in both languages, rendering and serializing every card template, building the SDK services. Class
 * loading and first-time initialisation otherwise land on the first user's time (about three times a warm
 * answer). It exercises the code, not the bot's objects: nothing here is kept or sent.
 */
final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  /** Commands of every kind in both languages, as users type them (README "What it does"). */
  static final List<String> SAMPLE_COMMANDS = List.of(
      "show candidates for job Backend Engineer", "candidates for BE-001 in stage Offer",
      "candidates for Backend applied last week still in screening", "后端开发工程师的候选人", "上周投递 后端 还在初筛的",
      "candidate Alice Johnson", "张伟的简历", "pipeline for job Backend Engineer", "后端开发工程师的招聘漏斗",
      "my interviews today", "我本周的面试", "pending offers", "后端 的 Offer", "jobs", "职位 后端",
      "subscribe job BE-001 to stage", "订阅列表", "digest daily 09:00", "摘要 每周一 9点", "timezone Europe/Berlin",
      "quiet 22:00-08:00", "help", "帮助", "enable", "audit 20", "failed events", "shwo candidats for bakend");
  /** Passes over the samples: enough for the interpreter's first compilations, a few hundred ms of one core. */
  static final int ROUNDS = 3;

  private WarmUp() {}

  /** @param sdkServices builds the SDK services the bot calls (done once, then reused by the real calls) */
  static void run(BotConfig config, Runnable sdkServices) {
    long started = System.nanoTime();
    int rendered = 0;
    int failed = 0;
    sdkServices.run();
    ObjectMapper json = new ObjectMapper();
    Cards cards = new Cards(CardTemplates.load(json, config.cardsDir()), json);
    Messages messages = Messages.load();
    CommandParser parser = new CommandParser();
    for (int round = 0; round < ROUNDS; round++) {
      SAMPLE_COMMANDS.forEach(parser::parse);
      for (String name : CardTemplates.NAMES) {
        try {
          cards.serialize(cards.bilingual(Language.EN, lang -> cards.render(name,
              cards.model().put("title", messages.get(lang, "help.title")))));
          rendered++;
        } catch (RuntimeException e) {
          failed++; // a template that needs more than a title: its loading and the renderer still ran
        }
      }
    }
    log.info("warm-up done ms={} commands_parsed={} cards_rendered={} cards_needing_data={}",
        (System.nanoTime() - started) / 1_000_000, ROUNDS * SAMPLE_COMMANDS.size(), rendered, failed);
  }
}
