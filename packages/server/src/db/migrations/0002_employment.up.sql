-- Employment and labour services (SPEC §5): the monthly labour ledger, its derived facts and
-- figures, zero-employment households, training, public-welfare posts, workshops, openings.

-- A period (YYYY-MM) of the monthly labour ledger (月调度) in one county. Closed periods are
-- read-only; changes to them go through labour_correction.
CREATE TABLE labour_period (
  county_code text NOT NULL,
  period      text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status      text NOT NULL DEFAULT 'open',
  opened_at   timestamptz NOT NULL DEFAULT now(),
  opened_by   bigint,
  closed_at   timestamptz,
  closed_by   bigint,
  PRIMARY KEY (county_code, period)
);

-- One record per worker per period, never overwritten by a later period: a new period gets its
-- own rows, carried forward from the last one. The columns after the facts block are derived
-- (set-based, see employment/labour-facts-repo.ts) and recomputed whenever their inputs change.
CREATE TABLE labour_record (
  person_id          bigint NOT NULL REFERENCES person (id),
  period             text NOT NULL,
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  household_id       bigint NOT NULL REFERENCES household (id),
  wants_work         boolean NOT NULL DEFAULT true,
  state              text NOT NULL DEFAULT 'unemployed',
  channel            text,
  place              text,
  employer_id        bigint REFERENCES employer (id),
  employer_name      text,
  start_date         date,
  contract_months    integer,
  social_insurance   boolean NOT NULL DEFAULT false,
  monthly_income     numeric(10, 2),
  training_wish      boolean NOT NULL DEFAULT false,
  confirmed          boolean NOT NULL DEFAULT false,
  corrected          boolean NOT NULL DEFAULT false,
  -- derived
  labour_force         boolean NOT NULL DEFAULT false,
  stably_employed      boolean NOT NULL DEFAULT false,
  first_cross_province boolean NOT NULL DEFAULT false,
  returnee             boolean NOT NULL DEFAULT false,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         bigint,
  PRIMARY KEY (person_id, period),
  FOREIGN KEY (county_code, period) REFERENCES labour_period (county_code, period)
);
CREATE INDEX labour_record_period_division_idx ON labour_record (period, dest_division_code text_pattern_ops);
CREATE INDEX labour_record_county_period_idx ON labour_record (county_code, period, household_id);

-- Every change to a closed period: the record before and after, and why.
CREATE TABLE labour_correction (
  id         bigserial PRIMARY KEY,
  person_id  bigint NOT NULL,
  period     text NOT NULL,
  reason     text NOT NULL,
  before     jsonb NOT NULL,
  after      jsonb NOT NULL,
  user_id    bigint,
  at         timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (person_id, period) REFERENCES labour_record (person_id, period)
);
CREATE INDEX labour_correction_record_idx ON labour_correction (person_id, period);

-- Figures per village (the destination division of households) and period, refreshed with the
-- derived facts, so that a figure for any division is a sum over a prefix range.
CREATE TABLE labour_summary (
  period        text NOT NULL,
  division_code text NOT NULL,
  county_code   text NOT NULL,
  metric        text NOT NULL,
  value         numeric NOT NULL,
  PRIMARY KEY (period, division_code, metric)
);
CREATE INDEX labour_summary_division_idx ON labour_summary (division_code text_pattern_ops, period);

-- A zero-employment household (零就业家庭) from the period it was found until the ledger shows a
-- member employed; at most one open case per household.
CREATE TABLE zero_employment_case (
  id                 bigserial PRIMARY KEY,
  household_id       bigint NOT NULL REFERENCES household (id),
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  found_period       text NOT NULL,
  found_on           date NOT NULL,
  last_seen_period   text NOT NULL,
  cleared_period     text,
  cleared_on         date,
  -- 'employed' (a member found work: 清零) or 'not_eligible' (nobody able and willing any more)
  cleared_reason     text,
  action             text,
  action_note        text,
  responsible        text,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX zero_employment_open_idx ON zero_employment_case (household_id) WHERE cleared_period IS NULL;
-- Every case of a household, open or not: the scan looks up each household's cases. Without it
-- the planner, taking a newly opened period for one row (no statistics for it yet), scanned the
-- cases once per household: minutes for a county's first period.
CREATE INDEX zero_employment_household_idx ON zero_employment_case (household_id);
CREATE INDEX zero_employment_division_idx ON zero_employment_case (dest_division_code text_pattern_ops, found_period);

-- Skills training (技能培训): courses and who took them.
CREATE TABLE training_course (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  kind          text NOT NULL,
  provider      text NOT NULL,
  county_code   text NOT NULL,
  division_code text NOT NULL REFERENCES division (code),
  place         text,
  start_date    date NOT NULL,
  end_date      date NOT NULL CHECK (end_date >= start_date),
  certificate   text,
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_course_division_idx ON training_course (division_code text_pattern_ops);

CREATE TABLE training_enrolment (
  id                 bigserial PRIMARY KEY,
  course_id          bigint NOT NULL REFERENCES training_course (id),
  person_id          bigint NOT NULL REFERENCES person (id),
  dest_division_code text NOT NULL,
  status             text NOT NULL DEFAULT 'enrolled',
  completed_on       date,
  certificate_no     text,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (course_id, person_id)
);
CREATE INDEX training_enrolment_person_idx ON training_enrolment (person_id);
CREATE INDEX training_enrolment_division_idx ON training_enrolment (dest_division_code text_pattern_ops);

-- Public-welfare posts (公益岗位) per site and who held them when.
CREATE TABLE welfare_post (
  id            bigserial PRIMARY KEY,
  site_id       bigint NOT NULL REFERENCES site (id),
  division_code text NOT NULL,
  title         text NOT NULL,
  duty          text NOT NULL,
  grade         text NOT NULL,
  monthly_pay   numeric(10, 2) NOT NULL CHECK (monthly_pay >= 0),
  funding       text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX welfare_post_division_idx ON welfare_post (division_code text_pattern_ops);

CREATE TABLE welfare_post_holding (
  id         bigserial PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES welfare_post (id),
  person_id  bigint NOT NULL REFERENCES person (id),
  start_date date NOT NULL,
  end_date   date CHECK (end_date IS NULL OR end_date >= start_date),
  end_reason text
);
CREATE UNIQUE INDEX welfare_post_current_idx ON welfare_post_holding (post_id) WHERE end_date IS NULL;
CREATE INDEX welfare_post_holding_person_idx ON welfare_post_holding (person_id);

-- What an assistance workshop (帮扶车间, an employer of kind 'workshop') adds to an employer.
CREATE TABLE workshop (
  employer_id           bigint PRIMARY KEY REFERENCES employer (id),
  workshop_kind         text NOT NULL,
  jobs                  integer NOT NULL DEFAULT 0 CHECK (jobs >= 0),
  poverty_workers       integer NOT NULL DEFAULT 0 CHECK (poverty_workers >= 0),
  relocated_workers     integer NOT NULL DEFAULT 0 CHECK (relocated_workers >= 0),
  insured_workers       integer NOT NULL DEFAULT 0 CHECK (insured_workers >= 0),
  yearly_contract_workers integer NOT NULL DEFAULT 0 CHECK (yearly_contract_workers >= 0),
  recognised_on         date,
  upgraded_on           date,
  version               integer NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Job openings (岗位) from employers, workshops and partner regions, and referrals to them.
CREATE TABLE job_opening (
  id             bigserial PRIMARY KEY,
  title          text NOT NULL,
  source         text NOT NULL,
  employer_id    bigint REFERENCES employer (id),
  partner        text,
  county_code    text NOT NULL,
  division_code  text NOT NULL,
  place          text NOT NULL,
  work_location  text,
  skills         text[] NOT NULL DEFAULT '{}',
  min_capacity   text NOT NULL DEFAULT 'weak',
  min_age        integer,
  max_age        integer,
  monthly_pay    numeric(10, 2),
  positions      integer NOT NULL DEFAULT 1 CHECK (positions > 0),
  open_until     date,
  status         text NOT NULL DEFAULT 'open',
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_opening_division_idx ON job_opening (division_code text_pattern_ops);

CREATE TABLE job_referral (
  id          bigserial PRIMARY KEY,
  opening_id  bigint NOT NULL REFERENCES job_opening (id),
  person_id   bigint NOT NULL REFERENCES person (id),
  dest_division_code text NOT NULL,
  referred_on date NOT NULL,
  outcome     text NOT NULL DEFAULT 'pending',
  outcome_on  date,
  note        text,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (opening_id, person_id)
);
CREATE INDEX job_referral_person_idx ON job_referral (person_id);
