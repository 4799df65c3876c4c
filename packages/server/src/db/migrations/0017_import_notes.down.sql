ALTER TABLE import_job DROP COLUMN note_count;
ALTER TABLE import_job DROP COLUMN notes;
