-- Foundation: divisions, settings, accounts, registry, audit, imports.
-- Every large table carries its destination county code, so the schema can be distributed by
-- county later (Citus) without rewriting keys and joins.

CREATE TABLE division (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5), -- 1 省 2 市 3 县 4 乡 5 村
  parent_code text,
  code_year   integer NOT NULL
);
CREATE INDEX division_parent_idx ON division (parent_code);
CREATE INDEX division_code_prefix_idx ON division (code text_pattern_ops);

-- Dated settings per jurisdiction (division code; '' = national default).
CREATE TABLE setting (
  key            text NOT NULL,
  jurisdiction   text NOT NULL DEFAULT '',
  effective_from date NOT NULL,
  value          jsonb NOT NULL,
  source         text,
  PRIMARY KEY (key, jurisdiction, effective_from)
);

CREATE TABLE app_user (
  id                   bigserial PRIMARY KEY,
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  role                 text NOT NULL,
  division_code        text NOT NULL,
  department           text,
  disabled             boolean NOT NULL DEFAULT false,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE site (
  id              bigserial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  county_code     text NOT NULL,
  division_code   text NOT NULL REFERENCES division (code),
  area_kind       text NOT NULL,
  settlement_kind text NOT NULL,
  cross_county    boolean NOT NULL DEFAULT false,
  build_year      integer,
  latitude        double precision,
  longitude       double precision,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_division_idx ON site (division_code text_pattern_ops);

CREATE TABLE household (
  id                  bigserial PRIMARY KEY,
  household_no        text NOT NULL UNIQUE,
  county_code         text NOT NULL,
  dest_division_code  text NOT NULL,
  origin_village_code text NOT NULL REFERENCES division (code),
  site_id             bigint NOT NULL REFERENCES site (id),
  building            text,
  unit                text,
  room                text,
  relocation_year     integer NOT NULL,
  kind                text NOT NULL,
  property_cert_state text NOT NULL DEFAULT 'none',
  vegetable_plot      boolean NOT NULL DEFAULT false,
  monitoring_category text NOT NULL DEFAULT 'none',
  contracted_land_mu  numeric(10, 2),
  forest_land_mu      numeric(12, 2),
  land_transferred    boolean NOT NULL DEFAULT false,
  homestead_reclaimed boolean NOT NULL DEFAULT false,
  status              text NOT NULL DEFAULT 'active',
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_dest_idx ON household (dest_division_code text_pattern_ops, id);
CREATE INDEX household_origin_idx ON household (origin_village_code text_pattern_ops);
CREATE INDEX household_site_idx ON household (site_id);

CREATE TABLE person (
  id                 bigserial PRIMARY KEY,
  id_number          text NOT NULL UNIQUE,
  household_id       bigint NOT NULL REFERENCES household (id),
  county_code        text NOT NULL,
  dest_division_code text NOT NULL,
  name               text NOT NULL,
  sex                text NOT NULL,
  birth_date         date NOT NULL,
  relation           text NOT NULL,
  ethnicity          text NOT NULL DEFAULT '汉族',
  education          text NOT NULL DEFAULT 'none',
  school_stage       text NOT NULL DEFAULT 'none',
  health             text NOT NULL DEFAULT 'healthy',
  disability_grade   smallint,
  labour_capacity    text NOT NULL,
  skills             text[] NOT NULL DEFAULT '{}',
  medical_insurance  boolean NOT NULL DEFAULT true,
  pension_insurance  boolean NOT NULL DEFAULT false,
  safety_net         text NOT NULL DEFAULT 'none',
  forest_ranger      boolean NOT NULL DEFAULT false,
  hukou_state        text NOT NULL DEFAULT 'not_moved',
  phone              text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_household_idx ON person (household_id);
CREATE INDEX person_dest_idx ON person (dest_division_code text_pattern_ops, id);
CREATE INDEX person_name_idx ON person (name text_pattern_ops);
-- Sorted list pages walk these instead of sorting millions of rows.
CREATE INDEX person_name_sort_idx ON person (name, id);
CREATE INDEX person_birth_idx ON person (birth_date, id);

CREATE TABLE employer (
  id                   bigserial PRIMARY KEY,
  credit_code          text UNIQUE,
  name                 text NOT NULL,
  kind                 text NOT NULL,
  county_code          text NOT NULL,
  division_code        text NOT NULL REFERENCES division (code),
  site_id              bigint REFERENCES site (id),
  start_date           date,
  founded_by_relocated boolean NOT NULL DEFAULT false,
  positions            integer NOT NULL DEFAULT 0,
  relocated_employed   integer NOT NULL DEFAULT 0,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employer_division_idx ON employer (division_code text_pattern_ops);

-- Append-only, hash-chained: each entry's hash covers the previous entry's hash, so editing or
-- deleting a past entry breaks the chain at that point (anju audit verify).
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL,
  user_id       bigint,
  username      text,
  action        text NOT NULL,
  entity        text NOT NULL,
  entity_id     text,
  division_code text,
  before        jsonb,
  after         jsonb,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_division_idx ON audit_log (division_code text_pattern_ops, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE import_job (
  id            bigserial PRIMARY KEY,
  ledger        text NOT NULL,
  file_name     text NOT NULL,
  file_sha256   text,
  dry_run       boolean NOT NULL,
  status        text NOT NULL,
  total_rows    integer NOT NULL DEFAULT 0,
  inserted      integer NOT NULL DEFAULT 0,
  updated       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  error_count   integer NOT NULL DEFAULT 0,
  errors        jsonb NOT NULL DEFAULT '[]',
  summary       jsonb NOT NULL DEFAULT '{}',
  error_file    text,
  stored_file   text,
  user_id       bigint,
  division_code text NOT NULL DEFAULT '',
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
-- Before and after images of every row an import updated (inserts are the file itself, kept
-- with its SHA-256 on the job). Append-only like the audit log; the import's audit entry holds
-- a digest of these rows, so the hash chain covers them too.
CREATE TABLE import_change (
  job_id    bigint NOT NULL REFERENCES import_job (id),
  entity    text NOT NULL,
  entity_id bigint NOT NULL,
  before    jsonb NOT NULL,
  after     jsonb NOT NULL,
  PRIMARY KEY (job_id, entity, entity_id)
);
CREATE INDEX import_change_entity_idx ON import_change (entity, entity_id);
CREATE TRIGGER import_change_no_update BEFORE UPDATE OR DELETE ON import_change
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE INDEX import_job_division_idx ON import_job (division_code text_pattern_ops, id);
