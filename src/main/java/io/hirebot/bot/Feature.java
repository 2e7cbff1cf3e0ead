package io.hirebot.bot;

/**
 * One thing the bot does, as one package under {@code feature/}: in a single call it declares every command it
 * answers, every card action it owns, its routines and its listeners. {@code app/Features} lists them all.
 */
@FunctionalInterface
public interface Feature {

  void register(FeatureRegistry registry);
}
