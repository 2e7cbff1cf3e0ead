-- Every card the bot put in a chat: where (chat and its kind, so a form clicked in a group opens for the clicker
-- alone), who asked, what it shows (the callback value that renders it again; NULL for a form or a picker,
-- which nothing re-renders), and when Feishu first received it: the 14-day PATCH window counts from then,
-- however often the card was refreshed since.
CREATE TABLE sent_cards (
  message_id    VARCHAR(100) PRIMARY KEY,
  chat_id       VARCHAR(100) NOT NULL,
  chat_type     VARCHAR(10),
  viewer        VARCHAR(100),
  card_view     VARCHAR(2000),
  first_sent_at BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);

-- What a living card shows, by key: an application id, or "job:<id>" for a list of the job's candidates.
-- Replaces V3's table, which tied every card with an application button to page 0 of a candidates list.
DROP TABLE card_applications;
CREATE TABLE card_applications (
  message_id VARCHAR(100) NOT NULL,
  shown_key  VARCHAR(100) NOT NULL,
  PRIMARY KEY (message_id, shown_key)
);
CREATE INDEX card_applications_by_key ON card_applications (shown_key);
