DROP TABLE login_throttle;
ALTER TABLE app_user DROP COLUMN must_change_password;
DROP TRIGGER import_change_no_truncate ON import_change;
DROP TRIGGER audit_log_no_truncate ON audit_log;
