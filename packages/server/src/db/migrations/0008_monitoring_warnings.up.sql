-- The monthly monitoring run (SPEC §4): each run, and each warning it raised with the facts that
-- fired it. A household has at most one open warning per rule, and one per rule and period at
-- all, so a second run of the same month raises nothing twice.
CREATE TABLE monitor_run (
  id            bigserial PRIMARY KEY,
  period        text NOT NULL,
  division_code text NOT NULL,
  as_of         date NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  raised        integer NOT NULL DEFAULT 0,
  summary       jsonb NOT NULL DEFAULT '{}',
  user_id       bigint,
  username      text NOT NULL
);
CREATE INDEX monitor_run_period_idx ON monitor_run (period, division_code text_pattern_ops);

CREATE TABLE monitoring_warning (
  id                 bigserial PRIMARY KEY,
  household_id       bigint NOT NULL REFERENCES household (id),
  person_id          bigint REFERENCES person (id),
  rule_id            text NOT NULL,
  pack_code          text NOT NULL,
  period             text NOT NULL,
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  facts              jsonb NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'dismissed')),
  run_id             bigint REFERENCES monitor_run (id),
  taken_case_id      bigint,
  dismissed_reason   text,
  decided_at         timestamptz,
  decided_by         text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (household_id, rule_id, period)
);
CREATE UNIQUE INDEX monitoring_warning_open_idx ON monitoring_warning (household_id, rule_id) WHERE status = 'open';
CREATE INDEX monitoring_warning_division_idx ON monitoring_warning (dest_division_code text_pattern_ops, status);
CREATE INDEX monitoring_warning_run_idx ON monitoring_warning (run_id);
