/**
 * What a warning points to and where it came from: the monitoring category (with the household's
 * kind it follows from), and the department rows behind it — file, row and the department's own
 * number (e.g. 结算单号), so a monitor can find each on the department's paper.
 */
import { Tag, Tooltip, Typography } from 'antd';
import { useLabels } from '../../i18n/locale';
import { useMonitoringMessages } from './monitoring-messages';
import type { Warning } from './warning-types';

export const CATEGORY_COLOR: Record<string, string> = { unstable: 'volcano', marginal: 'orange', sudden_hardship: 'magenta' };

export function CategoryTag({ category, householdKind }: { category: string; householdKind?: string }) {
  const t = useMonitoringMessages();
  const labels = useLabels();
  const tag = (
    <Tag color={CATEGORY_COLOR[category]} data-testid="warning-category" data-category={category}>
      {t.categories[category] ?? category}
    </Tag>
  );
  if (!householdKind) return tag;
  return (
    <Tooltip title={`${t.householdKind}：${labels.label('householdKinds', householdKind)}。${t.warningCategoryHint}`}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {tag}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="warning-household-kind">
          {labels.label('householdKinds', householdKind)}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

export function WarningSources({ warning }: { warning: Pick<Warning, 'sources' | 'sourceCount'> }) {
  const t = useMonitoringMessages();
  if (warning.sourceCount === 0) return <span>—</span>;
  if (warning.sources.length === 0) return <Typography.Text type="secondary" data-testid="warning-sources-hidden">{t.sourcesHidden(warning.sourceCount)}</Typography.Text>;
  return (
    <div style={{ minWidth: 200, maxWidth: 360, whiteSpace: 'normal' }} data-testid="warning-sources">
      {warning.sources.map((s) => (
        <div key={s.recordId} data-testid="warning-source" data-record={s.recordId}>
          <Typography.Text>
            {s.departmentLabel} · {s.personName} {s.occurredOn}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span data-testid="warning-source-row">{t.sourceRow(s.file, s.row)}</span>
            {s.recordNo && (
              <span data-testid="warning-source-no">
                {' · '}
                {s.recordNoLabel} {s.recordNo}
              </span>
            )}
          </Typography.Text>
        </div>
      ))}
      {warning.sources.length < warning.sourceCount && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.sourcesHidden(warning.sourceCount - warning.sources.length)}
        </Typography.Text>
      )}
    </div>
  );
}
