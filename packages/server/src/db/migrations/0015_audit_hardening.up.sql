-- Hardening of the login and the audit log (issue 13, findings 8 and 10).
--
-- The row trigger of 0001 never fires for TRUNCATE, which emptied the log without a trace; a
-- statement trigger refuses it. A database owner can still switch both off: the signed
-- checkpoints outside the database (features/audit/audit-checkpoints.ts) catch what follows.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER import_change_no_truncate BEFORE TRUNCATE ON import_change
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Set when an administrator resets the password: the user must choose a new one before any
-- other call.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Failed logins per account name and source address, so an attacker's failures slow that
-- attacker only and never lock the owner out from another machine. Keyed on the name as typed,
-- whether or not such an account exists, so the throttle reveals nothing about accounts.
CREATE TABLE login_throttle (
  username        text NOT NULL,
  ip              text NOT NULL,
  failures        integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until   timestamptz,
  PRIMARY KEY (username, ip)
);
CREATE INDEX login_throttle_age_idx ON login_throttle (last_failure_at);
