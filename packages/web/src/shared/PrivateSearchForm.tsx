/**
 * The name and ID-number search above the household and person lists. These terms are personal
 * data, so they go to the in-memory private filters, never the address (see private-filters).
 */
import { Button, Form, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMessages } from '../i18n/locale';

interface PrivateSearchFormProps {
  personal: Record<string, string>;
  setPersonal(next: Record<string, string>): void;
  namePlaceholder: string;
  nameWidth: number;
  /** Called after a search, e.g. to go back to page 1. */
  onSearch(): void;
  /** Called after the terms are cleared, to clear the list's address filters too. */
  onReset(): void;
}

export function PrivateSearchForm({ personal, setPersonal, namePlaceholder, nameWidth, onSearch, onReset }: PrivateSearchFormProps) {
  const m = useMessages();
  const [form] = Form.useForm<{ q?: string; idNumber?: string }>();
  return (
    <Form
      form={form}
      className="filter-bar"
      initialValues={personal}
      onFinish={(v) => {
        setPersonal({ q: v.q ?? '', idNumber: v.idNumber ?? '' });
        onSearch();
      }}
      autoComplete="off"
    >
      <Form.Item name="q" noStyle>
        <Input allowClear placeholder={namePlaceholder} style={{ width: nameWidth }} data-testid="filter-q" />
      </Form.Item>
      <Form.Item name="idNumber" noStyle>
        <Input allowClear placeholder={m.filters.idNumber} title={m.filters.idNumberHint} style={{ width: 200 }} maxLength={18} data-testid="filter-idNumber" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
        {m.common.search}
      </Button>
      <Button
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ q: '', idNumber: '' });
          setPersonal({});
          onReset();
        }}
        data-testid="filter-reset"
      >
        {m.common.reset}
      </Button>
    </Form>
  );
}
