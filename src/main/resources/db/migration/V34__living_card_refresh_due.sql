-- A living card whose last refresh Feishu did not take (its edit limit of one message, 230020, past the bot's own
-- retries; no answer; a 5xx) shows an old state until a refresh lands: when to try again, and how many refreshes failed
-- in a row (its back-off). NULL when the card shows what the bot last drew. Any replica's routine takes a due card, so
-- a refresh owed survives a restart.
ALTER TABLE sent_cards ADD COLUMN refresh_due_at BIGINT;
ALTER TABLE sent_cards ADD COLUMN refresh_failures INT;
CREATE INDEX sent_cards_by_refresh_due ON sent_cards (refresh_due_at);
