DELETE FROM setting WHERE key IN ('monitoring.thresholds', 'monitoring.deadlines', 'monitoring.income_line');
DROP TABLE holiday_calendar;
