/** A new value of thresholds or deadlines for a jurisdiction inside the administrator's own, from a date, with its document. */
import { DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormError } from '../../shared/FormError';
import { DivisionTreeSelect, type DivisionValue } from '../../shared/DivisionTreeSelect';
import { useSession } from '../auth/session';
import { datedFields, datedInputs } from './dated-fields';
import { useSettingsMessages } from './settings-messages';
import { putDatedSettings, type DatedKind } from './settings-queries';
import { useSettingsSave } from './use-settings-save';

type Values = Record<string, number | undefined> & { jurisdiction: DivisionValue; effectiveFrom: Dayjs | null; source: string };

function JurisdictionField({ value, onChange, home }: { value?: DivisionValue; onChange?: (v: DivisionValue) => void; home: string }) {
  return <DivisionTreeSelect value={value} onChange={(v) => onChange?.(v)} home={home} selectableLevels={[1, 2, 3]} testId="dated-jurisdiction" style={{ width: '100%' }} />;
}

export function DatedSettingModal({ kind, title, current, onClose }: { kind: DatedKind; title: string; current: Record<string, number>; onClose(): void }) {
  const s = useSettingsMessages();
  const home = useSession().info?.user.divisionCode ?? '';
  const [form] = Form.useForm<Values>();
  const { save, saving, formError } = useSettingsSave(form, datedInputs[kind], (input) => putDatedSettings(kind, input as Record<string, number | string>), onClose);

  function submit(v: Values) {
    const { jurisdiction, effectiveFrom, source, ...numbers } = v;
    void save({ ...numbers, jurisdiction: jurisdiction.code, effectiveFrom: effectiveFrom?.format('YYYY-MM-DD') ?? '', source: source?.trim() ?? '' });
  }

  return (
    <Modal open width={640} title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okButtonProps={{ 'data-testid': 'dated-submit' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{s.changeHint}</Typography.Paragraph>
      <FormError message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...current, jurisdiction: { code: home, name: '' }, effectiveFrom: dayjs(), source: '' }}
        onFinish={submit}
        data-testid="dated-form"
      >
        <Form.Item name="jurisdiction" label={s.jurisdiction}>
          <JurisdictionField home={home} />
        </Form.Item>
        {datedFields[kind].map((f) => (
          <Form.Item key={f.name} name={f.name} label={`${f.label}（${f.unit}）`} rules={[{ required: true, message: s.required }]}>
            <InputNumber style={{ width: 200 }} step={f.step} precision={f.precision} min={0} data-testid={`dated-${f.name}`} />
          </Form.Item>
        ))}
        <Form.Item name="effectiveFrom" label={s.effectiveFrom} rules={[{ required: true, message: s.effectiveFromRequired }]}>
          <DatePicker style={{ width: 200 }} data-testid="dated-effectiveFrom" />
        </Form.Item>
        <Form.Item name="source" label={s.source} rules={[{ required: true, whitespace: true, message: s.sourceRequired }]}>
          <Input maxLength={200} placeholder={s.sourcePlaceholder} data-testid="dated-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
