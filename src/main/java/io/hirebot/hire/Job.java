package io.hirebot.hire;

/** An open or closed job as Hire lists it; {@code processId} joins it to its {@link JobProcess}. */
public record Job(String id, String code, String title, String processId, boolean open) {}
