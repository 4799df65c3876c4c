/** A setting's source document; a shipped example says so in a tag, so nobody takes it for the province's own. */
import { Tag, Tooltip } from 'antd';
import { useSettingsMessages } from './settings-messages';

export function SourceText({ source }: { source: string | null }) {
  const s = useSettingsMessages();
  if (!source) return <>—</>;
  return (
    <>
      {source.includes('示例') && (
        <Tooltip title={s.exampleHint}>
          <Tag color="orange" data-testid="example-tag">
            {s.example}
          </Tag>
        </Tooltip>
      )}
      {source}
    </>
  );
}
