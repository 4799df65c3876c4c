-- Back to the old defaults: unknown facts become the guesses they were before 0012.
UPDATE person SET ethnicity = coalesce(ethnicity, '汉族'), education = coalesce(education, 'none'),
  school_stage = coalesce(school_stage, 'none'), health = coalesce(health, 'healthy'),
  medical_insurance = coalesce(medical_insurance, true), pension_insurance = coalesce(pension_insurance, false),
  safety_net = coalesce(safety_net, 'none'), forest_ranger = coalesce(forest_ranger, false), hukou_state = coalesce(hukou_state, 'not_moved')
WHERE ethnicity IS NULL OR education IS NULL OR school_stage IS NULL OR health IS NULL OR medical_insurance IS NULL
   OR pension_insurance IS NULL OR safety_net IS NULL OR forest_ranger IS NULL OR hukou_state IS NULL;
UPDATE household SET property_cert_state = coalesce(property_cert_state, 'none'), vegetable_plot = coalesce(vegetable_plot, false),
  land_transferred = coalesce(land_transferred, false), homestead_reclaimed = coalesce(homestead_reclaimed, false)
WHERE property_cert_state IS NULL OR vegetable_plot IS NULL OR land_transferred IS NULL OR homestead_reclaimed IS NULL;

ALTER TABLE person
  ALTER COLUMN ethnicity SET DEFAULT '汉族', ALTER COLUMN ethnicity SET NOT NULL,
  ALTER COLUMN education SET DEFAULT 'none', ALTER COLUMN education SET NOT NULL,
  ALTER COLUMN school_stage SET DEFAULT 'none', ALTER COLUMN school_stage SET NOT NULL,
  ALTER COLUMN health SET DEFAULT 'healthy', ALTER COLUMN health SET NOT NULL,
  ALTER COLUMN medical_insurance SET DEFAULT true, ALTER COLUMN medical_insurance SET NOT NULL,
  ALTER COLUMN pension_insurance SET DEFAULT false, ALTER COLUMN pension_insurance SET NOT NULL,
  ALTER COLUMN safety_net SET DEFAULT 'none', ALTER COLUMN safety_net SET NOT NULL,
  ALTER COLUMN forest_ranger SET DEFAULT false, ALTER COLUMN forest_ranger SET NOT NULL,
  ALTER COLUMN hukou_state SET DEFAULT 'not_moved', ALTER COLUMN hukou_state SET NOT NULL;

ALTER TABLE household
  ALTER COLUMN property_cert_state SET DEFAULT 'none', ALTER COLUMN property_cert_state SET NOT NULL,
  ALTER COLUMN vegetable_plot SET DEFAULT false, ALTER COLUMN vegetable_plot SET NOT NULL,
  ALTER COLUMN land_transferred SET DEFAULT false, ALTER COLUMN land_transferred SET NOT NULL,
  ALTER COLUMN homestead_reclaimed SET DEFAULT false, ALTER COLUMN homestead_reclaimed SET NOT NULL;
