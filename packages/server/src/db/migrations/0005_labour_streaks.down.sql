ALTER TABLE labour_record
  DROP COLUMN employed_last12,
  DROP COLUMN employed_streak,
  DROP COLUMN outside_streak,
  DROP COLUMN outside_months,
  DROP COLUMN employer_streak,
  DROP COLUMN insured_streak,
  DROP COLUMN hired_as_returnee;
