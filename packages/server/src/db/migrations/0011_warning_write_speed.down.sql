DROP TRIGGER monitoring_warning_household_ref ON household;
DROP TRIGGER monitoring_warning_run_ref ON monitor_run;
DROP TRIGGER monitoring_warning_household_truncate ON household;
DROP TRIGGER monitoring_warning_run_truncate ON monitor_run;
DROP FUNCTION keep_referenced();
ALTER TABLE monitoring_warning
  ADD CONSTRAINT monitoring_warning_household_id_fkey FOREIGN KEY (household_id) REFERENCES household (id),
  ADD CONSTRAINT monitoring_warning_run_id_fkey FOREIGN KEY (run_id) REFERENCES monitor_run (id);
