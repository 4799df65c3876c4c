ALTER TABLE labour_record
  DROP COLUMN months_employed_last12,
  DROP COLUMN months_outside;
ALTER TABLE labour_record RENAME COLUMN months_employed TO employed_streak;
ALTER TABLE labour_record RENAME COLUMN months_at_employer TO employer_streak;
ALTER TABLE labour_record RENAME COLUMN months_insured TO insured_streak;

-- Migration 0005's streaks: every record up to the period counted.
UPDATE labour_record r SET (employed_streak, employer_streak, insured_streak) = (
  SELECT
    coalesce(array_position(array_agg(h.state = 'employed' ORDER BY h.period DESC), false) - 1, count(*)),
    CASE WHEN r.state = 'employed' AND r.employer_id IS NOT NULL THEN
      coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.employer_id = r.employer_id, false) ORDER BY h.period DESC), false) - 1, count(*))
    ELSE 0 END,
    CASE WHEN r.state = 'employed' AND r.employer_id IS NOT NULL THEN
      coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.employer_id = r.employer_id AND h.social_insurance, false) ORDER BY h.period DESC), false) - 1, count(*))
    ELSE 0 END
  FROM labour_record h WHERE h.person_id = r.person_id AND h.period <= r.period
);
