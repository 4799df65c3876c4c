-- Which process runs an import, and when it last said it was alive. Every start used to mark all
-- running imports failed, CLI commands included, even while a server imported into the same
-- database; now only jobs whose process is gone (same host and no such pid, or no heartbeat for
-- minutes) are failed, with a reason. Rows from before this migration have no owner: gone.
ALTER TABLE import_job
  ADD COLUMN owner text,
  ADD COLUMN heartbeat_at timestamptz;
