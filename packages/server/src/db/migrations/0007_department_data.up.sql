-- Department data comparison (数据比对, SPEC §11.2): what the departments' lists said about
-- registered people, one row per matched record. The warning rules read it (medical expenses,
-- dropouts, unsafe housing and water, deaths and disabilities); the case page shows it as
-- evidence. record_key identifies the record's content (kind, date, amount, detail — not the
-- data month), so re-importing a file, or a later month's list repeating an event, adds nothing.
CREATE TABLE department_record (
  id                 bigserial PRIMARY KEY,
  department         text NOT NULL,
  kind               text NOT NULL,
  person_id          bigint NOT NULL REFERENCES person (id),
  household_id       bigint NOT NULL REFERENCES household (id),
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  occurred_on        date NOT NULL,
  period             text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount             numeric(14, 2),
  detail             jsonb NOT NULL DEFAULT '{}',
  record_key         text NOT NULL,
  import_job_id      bigint NOT NULL REFERENCES import_job (id),
  source_file        text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, kind, record_key)
);
CREATE INDEX department_record_division_idx ON department_record (dest_division_code text_pattern_ops, kind, occurred_on);
CREATE INDEX department_record_household_idx ON department_record (household_id, kind, occurred_on);
CREATE INDEX department_record_job_idx ON department_record (import_job_id);

-- Rows of a department list that matched nobody in the importer's division: counted on the job
-- and listed, with the reason, in a downloadable workbook (the rows themselves are not kept).
ALTER TABLE import_job ADD COLUMN unmatched_count integer NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN unmatched_file text;
