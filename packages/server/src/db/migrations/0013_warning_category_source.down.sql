ALTER TABLE monitoring_warning DROP COLUMN source_record_ids, DROP COLUMN category;
ALTER TABLE department_record DROP COLUMN record_no, DROP COLUMN source_row;
