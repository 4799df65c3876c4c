ALTER TABLE labour_record ADD FOREIGN KEY (county_code, period) REFERENCES labour_period (county_code, period);
