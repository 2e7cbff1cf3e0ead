-- Every claim wrote two index entries (the key and its expiry); the expiry index served only the periodic purge,
-- which can scan instead. Intake writes one index entry per claim.
DROP INDEX processed_events_expiry;
