-- How each notification reached each chat the first time it was tried: sent (a message with its uuid, the key's) or
-- held for the chat's quiet-hours batch. A retry (a Hire event replayed, a rejection's notice sent again) takes the
-- same path whatever the chat's quiet hours say by then: a send whose answer was lost may have posted, and only a
-- send with the same uuid lets Feishu drop the repeat (the batch has none); a held one is in the batch already.
-- Kept a day (store/Retention), past every retry and Feishu's one-hour uuid window.
CREATE TABLE notification_paths (
  send_key   VARCHAR(1000) PRIMARY KEY,
  held       BOOLEAN NOT NULL,
  decided_at BIGINT NOT NULL
);
