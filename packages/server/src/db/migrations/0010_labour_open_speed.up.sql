-- Opening a period writes a whole period of ledger records in one INSERT…SELECT
-- (employment/ledger-open-repo.ts). The foreign keys of labour_record to person, household and
-- employer checked every record on its own, a lookup and a row lock per key: half of that
-- statement's time (0.95 of 1.85 s for a county of 33,700 records). Integrity is kept another way:
--
-- * New records cannot name a missing row: records are inserted only by opening a period, whose
--   statement takes person and household from the two tables joined and the employer from the
--   person's previous record; an employer set on an existing record (a clerk's edit) is checked
--   by the trigger labour_record_employer_check below, as the foreign key did.
-- * A named row cannot go: persons and employers can be deleted (households are only dissolved,
--   but are guarded alike), and the foreign keys refused that while a record named them. The
--   triggers below refuse it still, with the same error (23503), and refuse TRUNCATE and a
--   changed id likewise. Each first locks labour_record in SHARE mode: that waits for the
--   ledger's writers in flight and keeps new ones out until the deleting transaction ends, so
--   no record can appear between the check and the commit. (The check sees what committed before
--   it as the application runs, in READ COMMITTED; a deletion in REPEATABLE READ is refused, as
--   its snapshot could miss a record committed after it began.)
ALTER TABLE labour_record
  DROP CONSTRAINT labour_record_person_id_fkey,
  DROP CONSTRAINT labour_record_household_id_fkey,
  DROP CONSTRAINT labour_record_employer_id_fkey;

-- TG_ARGV[0]: the column of labour_record that references the table's id.
CREATE FUNCTION labour_record_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  referenced boolean;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id THEN
      RETURN NEW;
    END IF;
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'deleting from % must run in READ COMMITTED (labour_record references it)', TG_TABLE_NAME
      USING ERRCODE = 'feature_not_supported';
  END IF;
  LOCK TABLE labour_record IN SHARE MODE;
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM labour_record WHERE %I IS NOT NULL)', TG_ARGV[0]) INTO referenced;
    IF referenced THEN
      RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
        USING ERRCODE = 'foreign_key_violation', TABLE = 'labour_record', CONSTRAINT = format('labour_record_%s_fkey', TG_ARGV[0]),
          DETAIL = format('Table "labour_record" references "%s".', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM labour_record WHERE %I = $1)', TG_ARGV[0]) INTO referenced USING OLD.id;
  IF referenced THEN
    RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "labour_record_%_fkey" on table "labour_record"', TG_TABLE_NAME, TG_ARGV[0]
      USING ERRCODE = 'foreign_key_violation', TABLE = 'labour_record', CONSTRAINT = format('labour_record_%s_fkey', TG_ARGV[0]),
        DETAIL = format('Key (id)=(%s) is still referenced from table "labour_record".', OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER labour_record_person_ref BEFORE DELETE OR UPDATE OF id ON person
  FOR EACH ROW EXECUTE FUNCTION labour_record_keep_referenced('person_id');
CREATE TRIGGER labour_record_household_ref BEFORE DELETE OR UPDATE OF id ON household
  FOR EACH ROW EXECUTE FUNCTION labour_record_keep_referenced('household_id');
CREATE TRIGGER labour_record_employer_ref BEFORE DELETE OR UPDATE OF id ON employer
  FOR EACH ROW EXECUTE FUNCTION labour_record_keep_referenced('employer_id');
CREATE TRIGGER labour_record_person_truncate BEFORE TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION labour_record_keep_referenced('person_id');
CREATE TRIGGER labour_record_household_truncate BEFORE TRUNCATE ON household
  FOR EACH STATEMENT EXECUTE FUNCTION labour_record_keep_referenced('household_id');
CREATE TRIGGER labour_record_employer_truncate BEFORE TRUNCATE ON employer
  FOR EACH STATEMENT EXECUTE FUNCTION labour_record_keep_referenced('employer_id');

-- An employer set on a record (a clerk's edit, an import) must exist, and stays locked against
-- deletion until the transaction ends, as the foreign key's check did; records whose employer
-- does not change pay nothing.
CREATE FUNCTION labour_record_employer_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM employer WHERE id = NEW.employer_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insert or update on table "labour_record" violates foreign key constraint "labour_record_employer_id_fkey"'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'labour_record', CONSTRAINT = 'labour_record_employer_id_fkey',
        DETAIL = format('Key (employer_id)=(%s) is not present in table "employer".', NEW.employer_id);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER labour_record_employer_check BEFORE UPDATE OF employer_id ON labour_record
  FOR EACH ROW WHEN (NEW.employer_id IS NOT NULL AND NEW.employer_id IS DISTINCT FROM OLD.employer_id)
  EXECUTE FUNCTION labour_record_employer_check();
