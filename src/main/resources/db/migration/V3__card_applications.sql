-- Candidate cards the bot sent, by the applications they show, so a stage change can update them in place.
CREATE TABLE card_applications (
  message_id     VARCHAR(100) NOT NULL,
  application_id VARCHAR(64) NOT NULL,
  chat_id        VARCHAR(100) NOT NULL,
  job_id         VARCHAR(64) NOT NULL,
  page           INT NOT NULL,
  lang           VARCHAR(10) NOT NULL,
  sent_at        BIGINT NOT NULL,
  PRIMARY KEY (message_id, application_id)
);
CREATE INDEX card_applications_by_application ON card_applications (application_id, sent_at);
