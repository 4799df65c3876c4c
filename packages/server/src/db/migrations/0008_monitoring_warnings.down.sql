DROP TABLE monitoring_warning;
DROP TABLE monitor_run;
