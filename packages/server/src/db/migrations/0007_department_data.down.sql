ALTER TABLE import_job DROP COLUMN unmatched_file;
ALTER TABLE import_job DROP COLUMN unmatched_count;
DROP TABLE department_record;
