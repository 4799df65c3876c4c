ALTER TABLE import_job
  DROP COLUMN heartbeat_at,
  DROP COLUMN owner;
