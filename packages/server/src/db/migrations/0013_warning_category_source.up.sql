-- SPEC §4 and §11.2 (issue 12): a warning states the monitoring category it points to, and one
-- raised by a department list points to the rows of the list behind it.
--
-- department_record keeps where each record was read: the row of its file (source_file was kept
-- already) and the department's own number of the row (the medical settlement number, which the
-- 医保 list carried in detail). Records imported before this migration have no row number.
ALTER TABLE department_record
  ADD COLUMN source_row integer CHECK (source_row > 0),
  ADD COLUMN record_no text;
UPDATE department_record SET record_no = detail->>'settlementNo'
  WHERE kind = 'medical_expense' AND detail->>'settlementNo' IS NOT NULL;

-- monitoring_warning.category: 脱贫不稳定户 (unstable) or 边缘易致贫户 (marginal) by the household's
-- kind, or 突发严重困难户 (sudden_hardship) when the rule is a sudden hardship's
-- (packages/core/src/monitoring/warning-categories.ts; the warnings already raised are given the
-- category of that list as it stands with this migration). source_record_ids: the department
-- records the rule read, kept when the warning is raised (none for the warnings raised before).
ALTER TABLE monitoring_warning
  ADD COLUMN category text,
  ADD COLUMN source_record_ids bigint[] NOT NULL DEFAULT '{}';
UPDATE monitoring_warning w SET category = CASE
    WHEN w.rule_id IN ('JC-2021-income-drop', 'JC-2021-rigid-expense', 'JC-2021-earner-lost', 'JC-2021-temporary-assistance') THEN 'sudden_hardship'
    WHEN h.kind = 'registered_poor' THEN 'unstable'
    ELSE 'marginal' END
  FROM household h WHERE h.id = w.household_id;
ALTER TABLE monitoring_warning
  ALTER COLUMN category SET NOT NULL,
  ADD CONSTRAINT monitoring_warning_category_check CHECK (category IN ('unstable', 'marginal', 'sudden_hardship'));
