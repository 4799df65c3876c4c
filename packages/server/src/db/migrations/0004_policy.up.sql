-- Policies and entitlements (SPEC §6): policy packs as stored revisions, and the entitlements
-- proposed from their rules, decided and paid.

-- Every revision of a pack is kept whole: an edit (a parameter value, a rule version, a new
-- upload) stores the next revision, so any past state can be read and replayed. The latest
-- revision of each code is the one the engine evaluates with.
CREATE TABLE policy_pack_revision (
  code       text NOT NULL CHECK (code ~ '^[A-Z]{2}-\d{4}$'),
  revision   integer NOT NULL CHECK (revision > 0),
  body       jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- app_user id; NULL when the system stored it (the packs shipped with Anju).
  created_by bigint,
  note       text,
  PRIMARY KEY (code, revision)
);

-- One benefit for one subject under one rule: proposed from an evaluation, then approved (or
-- rejected) and paid. The subject is a person, household, employer, hire (person@employer) or
-- site, so its id is text; its label is kept as it was when proposed.
CREATE TABLE entitlement (
  id                bigserial PRIMARY KEY,
  pack_code         text NOT NULL,
  rule_id           text NOT NULL,
  rule_version_from date NOT NULL,
  subject_kind      text NOT NULL CHECK (subject_kind IN ('person', 'household', 'employer', 'hire', 'site')),
  subject_id        text NOT NULL,
  subject_label     text NOT NULL,
  payee             text NOT NULL,
  county_code       text NOT NULL,
  division_code     text NOT NULL,
  household_id      bigint,
  kind              text NOT NULL,
  per               text NOT NULL CHECK (per IN ('once', 'month')),
  -- Yuan per payment (per month when monthly); NULL while set locally and not yet decided.
  amount            numeric(14, 2) CHECK (amount IS NULL OR amount >= 0),
  months            integer CHECK (months IS NULL OR months > 0),
  period_from       date,
  period_to         date,
  status            text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'paid', 'rejected')),
  reason            text,
  proposed_at       timestamptz NOT NULL DEFAULT now(),
  proposed_by       bigint,
  decided_at        timestamptz,
  decided_by        bigint,
  paid_at           timestamptz,
  paid_by           bigint,
  version           integer NOT NULL DEFAULT 1,
  CHECK ((per = 'month') = (months IS NOT NULL)),
  CHECK (period_to IS NULL OR period_from <= period_to)
);

-- A one-time benefit is granted at most once to a subject under a rule, whatever runs propose it.
CREATE UNIQUE INDEX entitlement_once_idx ON entitlement (rule_id, subject_kind, subject_id)
  WHERE status <> 'rejected' AND per = 'once';
-- Months already granted to a subject under a rule (a monthly benefit never exceeds its months).
CREATE INDEX entitlement_subject_idx ON entitlement (subject_kind, subject_id, rule_id);
-- Lists by division (prefix) and status.
CREATE INDEX entitlement_division_status_idx ON entitlement (division_code text_pattern_ops, status);
