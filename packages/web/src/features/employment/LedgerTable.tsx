/**
 * The ledger grid: one row per worker, one row at a time editable in place. Rows carried
 * forward and not yet confirmed are highlighted; a closed period is changed by a correction.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Grid, Popconfirm, Space, Table, Tag, Tooltip, type TableProps } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useLabels, useMessages } from '../../i18n/locale';
import { useDivisionPath } from '../../shared/division-queries';
import { useSession } from '../auth/session';
import type { LabourRecord } from './employment-queries';
import { FactInput } from './FactInputs';
import { FACT_KEYS, factLabel, formatFact, type FactKey } from './fact-format';
import type { useRowEditing } from './use-row-editing';

/** "Confirm every unconfirmed record of <village> as no change?" with the village's name. */
function ConfirmQuestion({ code }: { code: string }) {
  const m = useMessages();
  const path = useDivisionPath(code);
  return <>{m.employment.confirmQuestion(path.data?.division.name ?? code)}</>;
}

interface LedgerTableProps {
  tableProps: TableProps<LabourRecord>;
  editor: ReturnType<typeof useRowEditing>;
  revealIncome: boolean;
  onRevealIncome(next: boolean): void;
  onHistory(record: LabourRecord): void;
  onCorrect(record: LabourRecord): void;
  onConfirmVillage(divisionCode: string): void;
}

export function LedgerTable({ tableProps, editor, revealIncome, onRevealIncome, onHistory, onCorrect, onConfirmVillage }: LedgerTableProps) {
  const m = useMessages();
  const e = m.employment;
  const labels = useLabels();
  const session = useSession();
  const canWrite = session.can('employment.write');
  const canCorrect = session.can('employment.period');
  const state = Form.useWatch('state', editor.form);
  const employed = state === 'employed';
  // On a phone the row is edited in a drawer, one fact under the other; the grid stays as it is.
  const wide = !!Grid.useBreakpoint().md;
  const isEditing = (r: LabourRecord) => editor.editing?.personId === r.personId;
  const inline = (r: LabourRecord) => wide && isEditing(r);

  /** A fact's cell: its input while the row is edited, else its value. */
  function fact(key: FactKey, width?: number) {
    return {
      key,
      width,
      onCell: () => ({ 'data-field': key }) as React.HTMLAttributes<HTMLElement>,
      render: (_: unknown, r: LabourRecord): ReactNode =>
        inline(r) ? (
          <Form.Item name={key} style={{ margin: 0 }}>
            <FactInput field={key} employed={employed} compact />
          </Form.Item>
        ) : key === 'monthlyIncome' && r.incomeMasked ? (
          <span style={{ color: '#999' }} data-testid="income-hidden">
            {e.incomeHidden}
          </span>
        ) : (
          formatFact(m, labels, key, r.facts[key])
        ),
    };
  }

  const incomeTitle = (
    <Space size={4}>
      {e.income}
      {session.can('personal.unmask') && (
        <Tooltip title={e.showIncomeHint}>
          <Button
            type="link"
            size="small"
            icon={revealIncome ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={() => onRevealIncome(!revealIncome)}
            data-testid="reveal-income"
          >
            {revealIncome ? e.hideIncome : e.showIncome}
          </Button>
        </Tooltip>
      )}
    </Space>
  );

  const saveButtons = (
    <Space size={4}>
      <Button type="primary" size={wide ? 'small' : 'middle'} loading={editor.saving} onClick={() => void editor.save()} data-testid="row-save">
        {m.common.save}
      </Button>
      <Button size={wide ? 'small' : 'middle'} onClick={editor.cancel} data-testid="row-cancel">
        {m.common.cancel}
      </Button>
    </Space>
  );
  function actions(r: LabourRecord): ReactNode {
    if (inline(r)) return saveButtons;
    const closed = r.periodStatus === 'closed';
    return (
      <Space size={0} wrap={false}>
        {!closed && canWrite && (
          <Tooltip title={r.incomeMasked && wide ? e.incomeReadForEdit : undefined}>
            <Button type="link" size="small" disabled={!!editor.editing} loading={editor.loading === r.personId} onClick={() => void editor.start(r)} data-testid="row-edit">
              {e.fill}
            </Button>
          </Tooltip>
        )}
        {closed && (canCorrect || r.corrected) && (
          <Button type="link" size="small" onClick={() => onCorrect(r)} data-testid="row-correct">
            {canCorrect ? e.correct : e.corrections}
          </Button>
        )}
        {!closed && !r.confirmed && canWrite && (
          <Popconfirm title={<ConfirmQuestion code={r.divisionCode} />} onConfirm={() => onConfirmVillage(r.divisionCode)}>
            <Button type="link" size="small" data-testid="row-confirm-village">
              {e.confirmVillage}
            </Button>
          </Popconfirm>
        )}
        <Tooltip title={e.history}>
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => onHistory(r)} aria-label={e.history} data-testid="row-history" />
        </Tooltip>
      </Space>
    );
  }

  const actionsColumn = { title: m.common.actions, key: 'actions', fixed: wide ? ('right' as const) : undefined, render: (_: unknown, r: LabourRecord) => actions(r) };

  return (
    <Form form={editor.form} component={false}>
      {!wide && (
        <Drawer open={!!editor.editing} onClose={editor.cancel} placement="bottom" size="88%" title={editor.editing ? `${e.fill} · ${editor.editing.name}` : e.fill} footer={saveButtons} destroyOnHidden={false}>
          {editor.rowError && <Alert type="error" showIcon title={editor.rowError} style={{ marginBottom: 8 }} />}
          {FACT_KEYS.filter((k) => k !== 'startDate').map((k) => (
            <Form.Item key={k} name={k} label={factLabel(m, k)} layout="horizontal" labelCol={{ span: 9 }} style={{ marginBottom: 10 }}>
              <FactInput field={k} employed={employed} />
            </Form.Item>
          ))}
        </Drawer>
      )}
      {wide && editor.rowError && <Alert type="error" showIcon title={editor.rowError} style={{ marginBottom: 8 }} data-testid="row-error" />}
      <Table<LabourRecord>
        {...tableProps}
        rowKey="personId"
        size="small"
        data-testid="ledger-table"
        rowClassName={(r) => (isEditing(r) ? 'ledger-editing' : !r.confirmed ? 'ledger-unconfirmed' : '')}
        onRow={(r) => ({ 'data-person': r.personId, 'data-unconfirmed': r.confirmed ? undefined : 'true' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: e.name, dataIndex: 'name', fixed: wide ? 'left' : undefined, width: 84, render: (name: string) => <span data-testid="ledger-name">{name}</span> },
          ...(wide ? [] : [actionsColumn]),
          { title: e.householdNo, dataIndex: 'householdNo', render: (no: string, r) => <Link to={`/households/${r.householdId}`}>{no}</Link>, responsive: ['md'] },
          { title: e.sexAge, key: 'sexAge', render: (_, r) => `${labels.label('sexes', r.sex)} / ${r.age}`, responsive: ['lg'] },
          { title: e.labourCapacity, dataIndex: 'labourCapacity', render: (v: string) => labels.label('labourCapacities', v), responsive: ['xxl'] },
          { title: e.wantsWork, ...fact('wantsWork') },
          { title: e.state, ...fact('state') },
          { title: e.channel, ...fact('channel') },
          { title: e.place, ...fact('place') },
          { title: e.employer, ...fact('employerName') },
          { title: e.contractMonths, ...fact('contractMonths') },
          { title: e.socialInsurance, ...fact('socialInsurance') },
          { title: incomeTitle, ...fact('monthlyIncome') },
          { title: e.trainingWish, ...fact('trainingWish') },
          {
            title: e.flags,
            key: 'flags',
            render: (_, r) => (
              <Space size={2} wrap>
                {!r.confirmed && <Tag color="gold">{e.unconfirmed}</Tag>}
                {r.corrected && <Tag color="purple">{e.corrected}</Tag>}
                {r.derived.stablyEmployed && <Tag color="green">{e.stable}</Tag>}
                {r.derived.firstCrossProvince && <Tag color="blue">{e.firstCrossProvince}</Tag>}
                {r.derived.returnee && <Tag color="cyan">{e.returnee}</Tag>}
              </Space>
            ),
          },
          ...(wide ? [actionsColumn] : []),
        ]}
      />
    </Form>
  );
}
