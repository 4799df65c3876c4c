-- The identification workflow of SPEC §4 (线索 → 入户核实 → 信息比对 → 民主评议和公示 → 乡级审核
-- → 县级审批 → 纳入监测 → 风险消除), one case per episode: a household that re-enters after
-- elimination gets a new case, so the earlier ones stay as its history.
CREATE TABLE monitoring_case (
  id                   bigserial PRIMARY KEY,
  household_id         bigint NOT NULL REFERENCES household (id),
  county_code          text NOT NULL,
  dest_division_code   text NOT NULL,
  channel              text NOT NULL CHECK (channel IN ('self_report', 'cadre_screening', 'department_warning', 'petition')),
  category             text NOT NULL CHECK (category IN ('unstable', 'marginal', 'sudden_hardship')),
  risk_note            text NOT NULL,
  step                 text NOT NULL DEFAULT 'lead' CHECK (step IN (
                         'lead', 'verified', 'compared', 'notice', 'township_reviewed', 'monitored',
                         'elimination_notice', 'eliminated', 'rejected')),
  -- The step at which a case was rejected, and why.
  rejected_step        text,
  rejected_reason      text,
  commitment_signed_on date,
  authorization_signed_on date,
  notice_start         date,
  notice_end           date,
  -- Working-day deadlines: of the step in hand, and of the whole identification.
  step_due             date,
  whole_due            date,
  lead_on              date NOT NULL,
  monitored_on         date,
  elimination_proposed_on date,
  eliminated_on        date,
  closed_on            date,
  version              integer NOT NULL DEFAULT 1,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
-- One case in progress per household; eliminated and rejected ones are history.
CREATE UNIQUE INDEX monitoring_case_open_idx ON monitoring_case (household_id) WHERE step NOT IN ('eliminated', 'rejected');
CREATE INDEX monitoring_case_division_idx ON monitoring_case (dest_division_code text_pattern_ops, step);
CREATE INDEX monitoring_case_household_idx ON monitoring_case (household_id);

-- The case's timeline: every step taken, rejected or corrected, with who and why.
CREATE TABLE case_event (
  id         bigserial PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES monitoring_case (id),
  action     text NOT NULL,
  from_step  text,
  to_step    text,
  note       text,
  data       jsonb NOT NULL DEFAULT '{}',
  username   text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_event_case_idx ON case_event (case_id, id);

-- Evidence files (承诺书, 授权书, 入户核实表, 公示照片 …), stored under ANJU_DATA_DIR/evidence.
CREATE TABLE case_evidence (
  id          bigserial PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES monitoring_case (id),
  kind        text NOT NULL,
  file_name   text NOT NULL,
  mime_type   text NOT NULL,
  size_bytes  integer NOT NULL,
  sha256      text NOT NULL,
  stored_path text NOT NULL,
  username    text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_case_idx ON case_evidence (case_id);

-- 一户一策: the needs list and the task list of a case's assistance plan.
CREATE TABLE assistance_need (
  id          bigserial PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES monitoring_case (id),
  kind        text NOT NULL,
  description text NOT NULL,
  username    text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistance_need_case_idx ON assistance_need (case_id);

CREATE TABLE assistance_task (
  id                 bigserial PRIMARY KEY,
  case_id            bigint NOT NULL REFERENCES monitoring_case (id),
  household_id       bigint NOT NULL REFERENCES household (id),
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  measure            text NOT NULL,
  department         text NOT NULL,
  title              text NOT NULL,
  due_on             date NOT NULL,
  status             text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'in_progress', 'done', 'cancelled')),
  outcome            text,
  done_on            date,
  version            integer NOT NULL DEFAULT 1,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistance_task_case_idx ON assistance_task (case_id);
CREATE INDEX assistance_task_inbox_idx ON assistance_task (department, dest_division_code text_pattern_ops, status);

-- 低保/特困 rural → urban conversions (XX-2020 三(三)): due 30 working days after confirmation.
CREATE TABLE safety_net_conversion (
  id                 bigserial PRIMARY KEY,
  person_id          bigint NOT NULL REFERENCES person (id),
  household_id       bigint NOT NULL REFERENCES household (id),
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  from_state         text NOT NULL,
  to_state           text NOT NULL,
  confirmed_on       date NOT NULL,
  due_on             date NOT NULL,
  completed_on       date,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'cancelled')),
  note               text,
  version            integer NOT NULL DEFAULT 1,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX safety_net_conversion_pending_idx ON safety_net_conversion (person_id) WHERE status = 'pending';
CREATE INDEX safety_net_conversion_division_idx ON safety_net_conversion (dest_division_code text_pattern_ops, status);
