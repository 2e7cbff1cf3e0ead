-- A stage move the bot wrote to Hire for a click, one row per chat whose card answers the click with it: Hire's event
-- for the move is notified to the chats following the job but those, which already read who moved whom.
-- event_key: the Hire event matched to the move (a retried event finds the same chats again).
CREATE TABLE chat_moves (
  move_id         VARCHAR(64) NOT NULL,
  chat_id         VARCHAR(100) NOT NULL,
  application_id  VARCHAR(64) NOT NULL,
  origin_stage_id VARCHAR(64) NOT NULL,
  target_stage_id VARCHAR(64) NOT NULL,
  made_at         BIGINT NOT NULL,
  event_key       VARCHAR(200),
  PRIMARY KEY (move_id, chat_id)
);
CREATE INDEX chat_moves_by_application ON chat_moves (application_id);
