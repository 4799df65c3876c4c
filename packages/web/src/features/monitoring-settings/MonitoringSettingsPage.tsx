/** 监测设置 (SPEC §4): income lines, thresholds, deadlines and the working-day calendar, one tab each. */
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHead } from '../../shared/PageHead';
import { usePageTitle } from '../../shared/use-page-title';
import { useSession } from '../auth/session';
import { CalendarTab } from './CalendarTab';
import { DatedSettingTab } from './DatedSettingTab';
import { IncomeLinesTab } from './IncomeLinesTab';
import { useSettingsMessages } from './settings-messages';

export function MonitoringSettingsPage() {
  const s = useSettingsMessages();
  usePageTitle(s.title);
  const user = useSession().info?.user;
  const admin = user?.role === 'admin';
  const home = user?.divisionCode ?? '';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'income-lines';

  return (
    <>
      <PageHead title={s.title} />
      <Typography.Paragraph type="secondary">{s.hint}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        data-testid="monitoring-settings-tabs"
        items={[
          // Income lines are provincial: only a national or provincial administrator sets them.
          { key: 'income-lines', label: s.tabIncomeLines, children: <IncomeLinesTab canEdit={admin && home.length <= 2} /> },
          { key: 'thresholds', label: s.tabThresholds, children: <DatedSettingTab kind="thresholds" canEdit={admin} /> },
          { key: 'deadlines', label: s.tabDeadlines, children: <DatedSettingTab kind="deadlines" canEdit={admin} /> },
          // One calendar serves the whole country: only the national administrator enters a year.
          { key: 'calendar', label: s.tabCalendar, children: <CalendarTab canEdit={admin && home === ''} /> },
        ]}
      />
    </>
  );
}
