/** 预警阈值 / 识别期限: what is in force in the user's division today, the dated history, and (administrators) a change. */
import { useState } from 'react';
import { Button, Card, Descriptions, Table, Typography } from 'antd';
import { ErrorState } from '../../shared/ErrorState';
import { DatedSettingModal } from './DatedSettingModal';
import { datedFields, showValue } from './dated-fields';
import { SourceText } from './SourceText';
import { useSettingsMessages } from './settings-messages';
import { useDatedSettings, type DatedKind, type DatedSettings } from './settings-queries';

export function DatedSettingTab({ kind, canEdit }: { kind: DatedKind; canEdit: boolean }) {
  const s = useSettingsMessages();
  const settings = useDatedSettings(kind);
  const [editing, setEditing] = useState(false);
  const fields = datedFields[kind];
  const what = kind === 'thresholds' ? s.thresholds : s.deadlines;
  if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const inForce = settings.data?.inForce;
  const place = (code: string | null, name?: string | null) => (code === null ? s.defaultValue : code === '' ? s.national : `${name ?? ''}（${code}）`);
  const historyName = (code: string | null) => settings.data?.history.find((h) => h.jurisdiction === code)?.jurisdictionName;

  return (
    <>
      <Card
        size="small"
        title={s.inForce}
        loading={settings.isLoading}
        extra={canEdit && <Button type="primary" onClick={() => setEditing(true)} data-testid={`${kind}-change`}>{s.change}</Button>}
        style={{ marginBottom: 16 }}
      >
        {inForce && (
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid={`${kind}-in-force`}>
            {fields.map((f) => (
              <Descriptions.Item key={f.name} label={f.label}>
                {showValue(f, inForce.value[f.name])}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={s.jurisdiction}>{place(inForce.jurisdiction, historyName(inForce.jurisdiction))}</Descriptions.Item>
            <Descriptions.Item label={s.effectiveFrom}>{inForce.effectiveFrom ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={s.source}>
              <SourceText source={inForce.source} />
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Typography.Title level={5}>{s.history}</Typography.Title>
      <Table<DatedSettings['history'][number]>
        rowKey={(r) => `${r.jurisdiction}-${r.effectiveFrom}`}
        loading={settings.isLoading}
        dataSource={settings.data?.history}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`${kind}-history`}
        columns={[
          { title: s.jurisdiction, render: (_, r) => place(r.jurisdiction, r.jurisdictionName), fixed: 'left' },
          { title: s.effectiveFrom, dataIndex: 'effectiveFrom' },
          ...fields.map((f) => ({ title: f.label, key: f.name, align: 'right' as const, render: (_: unknown, r: DatedSettings['history'][number]) => (f.percent ? showValue(f, r.value[f.name]) : r.value[f.name]) })),
          { title: s.source, dataIndex: 'source', render: (v: string | null) => <SourceText source={v} /> },
        ]}
      />
      {editing && inForce && <DatedSettingModal kind={kind} title={s.changeTitle(what)} current={inForce.value} onClose={() => setEditing(false)} />}
    </>
  );
}
