package io.hirebot.sandbox.hire;

/** When an application entered and (if it has) left a stage, ms; {@code exitTime} null while in it. */
public record StageTime(String stageId, long enterTime, Long exitTime) {}
