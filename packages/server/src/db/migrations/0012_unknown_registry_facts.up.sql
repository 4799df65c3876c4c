-- A fact nobody entered is unknown, not a default. Until now a person imported or created
-- without these fields was stored as 汉族, 文盲或半文盲, 非在校生, 健康, insured, not a pensioner,
-- without 低保/特困, not a ranger and with an unmoved 户籍; a household as 未办理 颁证, without a
-- vegetable plot and with land neither transferred nor reclaimed. Rules then read the guesses as
-- facts (the insurance flag feeds the 三保障 condition of risk elimination). From now on NULL is
-- "未填写": shown as such, never read as true or false, and a blank import cell keeps what is
-- stored. Values already stored stay as they are: which of them were guesses cannot be known.
--
-- monitoring_category keeps its default: it is the system's own state (a household becomes a
-- monitoring object only through the identification workflow), not a fact about the family.
ALTER TABLE person
  ALTER COLUMN ethnicity DROP NOT NULL, ALTER COLUMN ethnicity DROP DEFAULT,
  ALTER COLUMN education DROP NOT NULL, ALTER COLUMN education DROP DEFAULT,
  ALTER COLUMN school_stage DROP NOT NULL, ALTER COLUMN school_stage DROP DEFAULT,
  ALTER COLUMN health DROP NOT NULL, ALTER COLUMN health DROP DEFAULT,
  ALTER COLUMN medical_insurance DROP NOT NULL, ALTER COLUMN medical_insurance DROP DEFAULT,
  ALTER COLUMN pension_insurance DROP NOT NULL, ALTER COLUMN pension_insurance DROP DEFAULT,
  ALTER COLUMN safety_net DROP NOT NULL, ALTER COLUMN safety_net DROP DEFAULT,
  ALTER COLUMN forest_ranger DROP NOT NULL, ALTER COLUMN forest_ranger DROP DEFAULT,
  ALTER COLUMN hukou_state DROP NOT NULL, ALTER COLUMN hukou_state DROP DEFAULT;

ALTER TABLE household
  ALTER COLUMN property_cert_state DROP NOT NULL, ALTER COLUMN property_cert_state DROP DEFAULT,
  ALTER COLUMN vegetable_plot DROP NOT NULL, ALTER COLUMN vegetable_plot DROP DEFAULT,
  ALTER COLUMN land_transferred DROP NOT NULL, ALTER COLUMN land_transferred DROP DEFAULT,
  ALTER COLUMN homestead_reclaimed DROP NOT NULL, ALTER COLUMN homestead_reclaimed DROP DEFAULT;
