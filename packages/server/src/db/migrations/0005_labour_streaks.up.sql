-- How long each worker has been at it, per record (features/employment/labour-streaks.ts): the
-- policy engine and the monitoring run read these instead of each person's whole history.
ALTER TABLE labour_record
  ADD COLUMN employed_last12   smallint NOT NULL DEFAULT 0,
  ADD COLUMN employed_streak   smallint NOT NULL DEFAULT 0,
  ADD COLUMN outside_streak    smallint NOT NULL DEFAULT 0,
  ADD COLUMN outside_months    smallint NOT NULL DEFAULT 0,
  ADD COLUMN employer_streak   smallint NOT NULL DEFAULT 0,
  ADD COLUMN insured_streak    smallint NOT NULL DEFAULT 0,
  ADD COLUMN hired_as_returnee boolean NOT NULL DEFAULT false;

-- Existing records get their values from their history, as the refresh computes them.
UPDATE labour_record r SET (employed_last12, employed_streak, outside_streak, outside_months, employer_streak, insured_streak, hired_as_returnee) = (
  SELECT
    count(*) FILTER (WHERE h.state = 'employed' AND h.period >= to_char(to_date(r.period || '-01', 'YYYY-MM-DD') - interval '11 months', 'YYYY-MM')),
    coalesce(array_position(array_agg(h.state = 'employed' ORDER BY h.period DESC), false) - 1, count(*)),
    coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.place = 'outside_province', false) ORDER BY h.period DESC), false) - 1, count(*)),
    count(*) FILTER (WHERE h.state = 'employed' AND h.place = 'outside_province'),
    CASE WHEN r.state = 'employed' AND r.employer_id IS NOT NULL THEN
      coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.employer_id = r.employer_id, false) ORDER BY h.period DESC), false) - 1, count(*))
    ELSE 0 END,
    CASE WHEN r.state = 'employed' AND r.employer_id IS NOT NULL THEN
      coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.employer_id = r.employer_id AND h.social_insurance, false) ORDER BY h.period DESC), false) - 1, count(*))
    ELSE 0 END,
    r.state = 'employed' AND r.employer_id IS NOT NULL AND coalesce(true = ANY ((array_agg(h.returnee ORDER BY h.period DESC))[1:
      coalesce(array_position(array_agg(coalesce(h.state = 'employed' AND h.employer_id = r.employer_id, false) ORDER BY h.period DESC), false) - 1, count(*)) + 1]), false)
  FROM labour_record h WHERE h.person_id = r.person_id AND h.period <= r.period
);
