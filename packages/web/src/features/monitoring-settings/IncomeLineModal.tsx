/** Sets one province's income line for one year (in force from 1 January). */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { incomeLineInput } from '@anju/core/monitoring/monitoring-settings';
import { FormError } from '../../shared/FormError';
import { fetchChildren } from '../../shared/division-queries';
import { useSession } from '../auth/session';
import { useSettingsMessages } from './settings-messages';
import { putIncomeLine } from './settings-queries';
import { useSettingsSave } from './use-settings-save';

interface Values {
  province?: string;
  year?: number;
  yuan?: number;
  source: string;
}

export function IncomeLineModal({ onClose }: { onClose(): void }) {
  const s = useSettingsMessages();
  const home = useSession().info?.user.divisionCode ?? '';
  const [form] = Form.useForm<Values>();
  // A province's administrator sets only their own province's line.
  const provinces = useQuery({ queryKey: ['division-children', ''], queryFn: () => fetchChildren() });
  const options = (provinces.data ?? []).filter((p) => p.code.startsWith(home)).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` }));
  const { save, saving, formError } = useSettingsSave(form, incomeLineInput, putIncomeLine, onClose);

  return (
    <Modal open title={s.addIncomeLine} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okButtonProps={{ 'data-testid': 'income-line-submit' }} destroyOnHidden>
      <FormError message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ province: home.length === 2 ? home : undefined, year: new Date().getFullYear(), source: '' }}
        onFinish={(v) => void save({ ...v, source: v.source?.trim() ?? '' })}
        data-testid="income-line-form"
      >
        <Form.Item name="province" label={s.province} rules={[{ required: true, message: s.provinceRequired }]}>
          <Select options={options} loading={provinces.isLoading} showSearch={{ optionFilterProp: 'label' }} data-testid="income-line-province" />
        </Form.Item>
        <Form.Item name="year" label={s.year} rules={[{ required: true, message: s.yearRequired }]}>
          <InputNumber style={{ width: 160 }} min={2021} max={2100} precision={0} data-testid="income-line-year" />
        </Form.Item>
        <Form.Item name="yuan" label={s.yuan} rules={[{ required: true, message: s.yuanRequired }]}>
          <InputNumber style={{ width: 200 }} min={1} step={100} data-testid="income-line-yuan" />
        </Form.Item>
        <Form.Item name="source" label={s.source} rules={[{ required: true, whitespace: true, message: s.sourceRequired }]}>
          <Input maxLength={200} placeholder={s.sourcePlaceholder} data-testid="income-line-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
