DROP TABLE safety_net_conversion;
DROP TABLE assistance_task;
DROP TABLE assistance_need;
DROP TABLE case_evidence;
DROP TABLE case_event;
DROP TABLE monitoring_case;
