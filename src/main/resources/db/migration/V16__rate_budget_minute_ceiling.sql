-- Feishu's "1000/min and 50/s" limits: next to a budget's per-second tokens, the tokens of its minute ceiling (a
-- second bucket whose capacity plus a minute's refill is the ceiling), in the same row so one atomic UPDATE takes a
-- permit from both or from neither. NULL for budgets without a ceiling, and for a row not yet taken from (full).
ALTER TABLE rate_budgets ADD COLUMN minute_tokens DOUBLE PRECISION;
