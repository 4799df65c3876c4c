-- Working days (SPEC §4: deadlines count working days on the public-holiday calendar). The
-- bundled package (chinese-days) knows the State Council's arrangements up to its last release;
-- an administrator enters a later year (or corrects one) here. For a year with rows here, these
-- rows replace the package's list: weekends rest and weekdays work unless a row says otherwise.
CREATE TABLE holiday_calendar (
  date       date PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name       text NOT NULL,
  -- 'admin' for rows entered here; 'package' is the name the API gives the bundled list's days.
  source     text NOT NULL DEFAULT 'admin' CHECK (source IN ('package', 'admin')),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Monitoring settings shipped with the system (features/monitoring/monitoring-settings.ts), as
-- dated rows administrators can see and supersede. Each source says what is a document's value
-- and what is only an example to be replaced by the province's or county's own document.
INSERT INTO setting (key, jurisdiction, effective_from, value, source) VALUES
  ('monitoring.thresholds', '', '2021-01-01',
   '{"incomeDropShare":0.3,"rigidExpenseShare":0.5,"minMonitoredMonths":6,"stableIncomeMonths":6}',
   '示例值（收入降幅30%、刚性支出占收入50%，请按本地文件修改）；风险消除：监测满6个月、收入稳定超过监测标准6个月以上（SPEC §4）'),
  ('monitoring.deadlines', '', '2021-01-01',
   '{"verification":5,"noticeDays":5,"townshipReview":5,"countyApproval":5,"whole":20,"conversion":30}',
   '低保特困城乡转换30个工作日（XX-2020 三(三)）；公示不少于5天、全流程20个工作日内（SPEC §4）；入户核实、乡级审核、县级审批各5个工作日为示例值，请按本地文件修改'),
  ('monitoring.income_line', '52', '2024-01-01', '{"year":2024,"yuan":8700}',
   '示例值：SPEC §4 所引某省2024年防止返贫监测收入标准8700元，并非本省文件，请按省级文件录入'),
  ('monitoring.income_line', '14', '2024-01-01', '{"year":2024,"yuan":8700}',
   '示例值：SPEC §4 所引某省2024年防止返贫监测收入标准8700元，并非本省文件，请按省级文件录入'),
  ('monitoring.income_line', '43', '2024-01-01', '{"year":2024,"yuan":8700}',
   '示例值：SPEC §4 所引某省2024年防止返贫监测收入标准8700元，并非本省文件，请按省级文件录入');
