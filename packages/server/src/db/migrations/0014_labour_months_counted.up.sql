-- The months the policy facts count (person.monthsEmployedLast12, consecutiveMonthsEmployed,
-- consecutiveMonthsOutsideProvince, hire.monthsEmployed, hire.insuredMonths) are confirmed months
-- only (features/employment/labour-streaks.ts, docs/POLICY.md §1): a record carried forward when
-- its period was opened, not yet confirmed, is no month completed, and the facts take the month of
-- the evaluation date back until it is over. Migration 0005's streaks counted every record, the
-- carried-forward and the current month included, so a job begun on the 1st reached 3 months
-- half a month early.
--
-- employed_streak, employer_streak and insured_streak were read by the policy facts alone: they
-- become the confirmed counts of their runs under names that say so. employed_last12 (stable
-- employment) and outside_streak/outside_months (the first crossing) stay the ledger's own counts
-- of its periods; the confirmed twelve-month and outside counts are new columns.
ALTER TABLE labour_record RENAME COLUMN employed_streak TO months_employed;
ALTER TABLE labour_record RENAME COLUMN employer_streak TO months_at_employer;
ALTER TABLE labour_record RENAME COLUMN insured_streak TO months_insured;
ALTER TABLE labour_record
  ADD COLUMN months_employed_last12 smallint NOT NULL DEFAULT 0,
  ADD COLUMN months_outside         smallint NOT NULL DEFAULT 0;

-- Existing records get their values from their history, as the refresh computes them: each run's
-- records newest first, marked 0 (breaks the run), 1 (in it, unconfirmed) or 2 (in it,
-- confirmed), and the 2s before the first 0 counted.
UPDATE labour_record r
SET (months_employed_last12, months_employed, months_outside, months_at_employer, months_insured) = (
  SELECT m.last12,
    cardinality(array_positions(m.employed[1:coalesce(array_position(m.employed, 0) - 1, cardinality(m.employed))], 2)),
    cardinality(array_positions(m.outside[1:coalesce(array_position(m.outside, 0) - 1, cardinality(m.outside))], 2)),
    cardinality(array_positions(m.at_employer[1:coalesce(array_position(m.at_employer, 0) - 1, cardinality(m.at_employer))], 2)),
    cardinality(array_positions(m.insured[1:coalesce(array_position(m.insured, 0) - 1, cardinality(m.insured))], 2))
  FROM (
    SELECT
      count(*) FILTER (WHERE h.state = 'employed' AND h.confirmed
        AND h.period >= to_char(to_date(r.period || '-01', 'YYYY-MM-DD') - interval '11 months', 'YYYY-MM')) AS last12,
      array_agg(CASE WHEN h.state = 'employed'
        THEN CASE WHEN h.confirmed THEN 2 ELSE 1 END ELSE 0 END ORDER BY h.period DESC) AS employed,
      array_agg(CASE WHEN h.state = 'employed' AND h.place = 'outside_province'
        THEN CASE WHEN h.confirmed THEN 2 ELSE 1 END ELSE 0 END ORDER BY h.period DESC) AS outside,
      array_agg(CASE WHEN coalesce(h.state = 'employed' AND h.employer_id = r.employer_id, false)
        THEN CASE WHEN h.confirmed THEN 2 ELSE 1 END ELSE 0 END ORDER BY h.period DESC) AS at_employer,
      array_agg(CASE WHEN coalesce(h.state = 'employed' AND h.employer_id = r.employer_id AND h.social_insurance, false)
        THEN CASE WHEN h.confirmed THEN 2 ELSE 1 END ELSE 0 END ORDER BY h.period DESC) AS insured
    FROM labour_record h WHERE h.person_id = r.person_id AND h.period <= r.period
  ) m
);
