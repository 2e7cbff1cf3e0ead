package io.hirebot.sandbox.hire;

/** A tenant member (recruiter, hiring manager, interviewer, plain user) with Chinese and English names. */
public record HireUser(String openId, String name, String enName) {}
