-- Feishu's "1000/min" as replicas share it: the permits of the last 13 slots of 5 s (the minute and the current
-- slot) instead of V16's minute bucket, so a long fan-out may use the whole ceiling at once as a single process does
-- and never more in any 60 s. minute_slots[i] counts the permits of the latest slot numbered i - 1 modulo 13;
-- minute_slot is the newest slot written (microseconds since the epoch on the database's clock / 5,000,000).
-- minute_tokens stays for replicas of the previous version during a rolling upgrade (the new ones keep it refilled
-- and taken from as that version would); a later migration drops it.
ALTER TABLE rate_budgets ADD COLUMN minute_slots INTEGER ARRAY;
ALTER TABLE rate_budgets ADD COLUMN minute_slot BIGINT;
