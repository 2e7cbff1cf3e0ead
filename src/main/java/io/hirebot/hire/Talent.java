package io.hirebot.hire;

/** A person Hire knows, as a talent search returns them; mobile and email are personal data (DESIGN §5). */
public record Talent(String id, String name, String mobile, String email) {}
