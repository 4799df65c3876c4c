-- The monthly monitoring run writes a month's warnings in one INSERT…SELECT (monitoring/
-- warning-repo.ts). The foreign keys of monitoring_warning to household and monitor_run checked
-- every warning on its own, a lookup and a row lock per key: more than half of that statement's
-- time (0.75 of 1.4 s for 60,000 warnings). Integrity is kept as migration 0010 keeps the
-- ledger's:
--
-- * New warnings cannot name a missing row: they are inserted only by that statement, which takes
--   the household from the household table joined and the run from the row its transaction has
--   just inserted.
-- * A named row cannot go: the triggers below refuse to delete (or renumber, or truncate) a
--   household or a run that a warning names, with the foreign key's error (23503), after locking
--   monitoring_warning in SHARE mode, so no warning can appear between the check and the commit.
--
-- The function is general (TG_ARGV: the referencing table, then its column), for the next table
-- whose bulk writes pay more for their keys than for themselves.
ALTER TABLE monitoring_warning
  DROP CONSTRAINT monitoring_warning_household_id_fkey,
  DROP CONSTRAINT monitoring_warning_run_id_fkey;

CREATE FUNCTION keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  referencing text := TG_ARGV[0];
  referencing_column text := TG_ARGV[1];
  constraint_name text := format('%s_%s_fkey', TG_ARGV[0], TG_ARGV[1]);
  referenced boolean;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id THEN
      RETURN NEW;
    END IF;
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'deleting from % must run in READ COMMITTED (% references it)', TG_TABLE_NAME, referencing
      USING ERRCODE = 'feature_not_supported';
  END IF;
  EXECUTE format('LOCK TABLE %I IN SHARE MODE', referencing);
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I IS NOT NULL)', referencing, referencing_column) INTO referenced;
    IF referenced THEN
      RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
        USING ERRCODE = 'foreign_key_violation', TABLE = referencing, CONSTRAINT = constraint_name,
          DETAIL = format('Table "%s" references "%s".', referencing, TG_TABLE_NAME);
    END IF;
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', referencing, referencing_column) INTO referenced USING OLD.id;
  IF referenced THEN
    RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"', TG_TABLE_NAME, constraint_name, referencing
      USING ERRCODE = 'foreign_key_violation', TABLE = referencing, CONSTRAINT = constraint_name,
        DETAIL = format('Key (id)=(%s) is still referenced from table "%s".', OLD.id, referencing);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER monitoring_warning_household_ref BEFORE DELETE OR UPDATE OF id ON household
  FOR EACH ROW EXECUTE FUNCTION keep_referenced('monitoring_warning', 'household_id');
CREATE TRIGGER monitoring_warning_run_ref BEFORE DELETE OR UPDATE OF id ON monitor_run
  FOR EACH ROW EXECUTE FUNCTION keep_referenced('monitoring_warning', 'run_id');
CREATE TRIGGER monitoring_warning_household_truncate BEFORE TRUNCATE ON household
  FOR EACH STATEMENT EXECUTE FUNCTION keep_referenced('monitoring_warning', 'household_id');
CREATE TRIGGER monitoring_warning_run_truncate BEFORE TRUNCATE ON monitor_run
  FOR EACH STATEMENT EXECUTE FUNCTION keep_referenced('monitoring_warning', 'run_id');
