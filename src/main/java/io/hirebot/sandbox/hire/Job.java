package io.hirebot.sandbox.hire;

import java.util.List;

/** A job post with its process, department, city, owners and timestamps (ms). {@code activeStatus}: 1 open, 2 closed. */
public record Job(
    String id, String title, String code, String processId,
    String departmentId, String departmentZh, String departmentEn,
    String cityCode, String cityZh, String cityEn,
    int activeStatus, String recruiterId, List<String> hiringManagerIds, List<String> assistantIds,
    int headCount, String description, long createTime, long updateTime) {

  public Job {
    hiringManagerIds = List.copyOf(hiringManagerIds);
    assistantIds = List.copyOf(assistantIds);
  }

  public Job withActiveStatus(int status, long now) {
    return new Job(id, title, code, processId, departmentId, departmentZh, departmentEn, cityCode, cityZh, cityEn,
        status, recruiterId, hiringManagerIds, assistantIds, headCount, description, createTime, now);
  }
}
