-- Each claim of an event is one attempt at handling it. An event whose handling keeps failing is retried a few
-- times with back-off and then parked in failed_events with its error (shown to admins), never replayed for hours.
ALTER TABLE processed_events ADD COLUMN attempts INT DEFAULT 1 NOT NULL;
ALTER TABLE processed_events ADD COLUMN last_error VARCHAR(2000);

CREATE TABLE failed_events (
  event_key   VARCHAR(200) PRIMARY KEY,
  envelope    VARCHAR(1000000),
  attempts    INT NOT NULL,
  last_error  VARCHAR(2000),
  received_at BIGINT NOT NULL,
  failed_at   BIGINT NOT NULL
);
CREATE INDEX failed_events_by_time ON failed_events (failed_at);

-- Retention (store/Retention): each purge deletes by time, so each table is indexed by it.
CREATE INDEX audit_log_by_time ON audit_log (occurred_at);
CREATE INDEX digest_slots_by_time ON digest_slots (slot_at);
CREATE INDEX reminders_sent_by_time ON reminders_sent (sent_at);
