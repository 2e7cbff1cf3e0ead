package io.hirebot.config;

/** A configuration value that stops start-up; its message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
  }
}
