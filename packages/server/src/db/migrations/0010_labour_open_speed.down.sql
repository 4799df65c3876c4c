DROP TRIGGER labour_record_employer_check ON labour_record;
DROP FUNCTION labour_record_employer_check();
DROP TRIGGER labour_record_person_ref ON person;
DROP TRIGGER labour_record_household_ref ON household;
DROP TRIGGER labour_record_employer_ref ON employer;
DROP TRIGGER labour_record_person_truncate ON person;
DROP TRIGGER labour_record_household_truncate ON household;
DROP TRIGGER labour_record_employer_truncate ON employer;
DROP FUNCTION labour_record_keep_referenced();
ALTER TABLE labour_record
  ADD CONSTRAINT labour_record_person_id_fkey FOREIGN KEY (person_id) REFERENCES person (id),
  ADD CONSTRAINT labour_record_household_id_fkey FOREIGN KEY (household_id) REFERENCES household (id),
  ADD CONSTRAINT labour_record_employer_id_fkey FOREIGN KEY (employer_id) REFERENCES employer (id);
