package io.hirebot.sandbox.hire;

/** A candidate person with contact data (fake PII), experience and latest education/career (gender 1 m, 2 f). */
public record Talent(
    String id, String name, String mobileCode, String mobile, String email,
    int experienceYears, int gender, int age, String cityCode, String cityZh, String cityEn,
    String school, int degree, String company, String title, long createTime) {}
