import { Tag } from 'antd';
import type { OpeningOutput } from '../../api/types';
import { useLabels, useMessages } from '../../i18n/locale';

/** 招聘中 / 已结束, or 已过截止日期 for an open one whose date has passed. */
export function OpeningStatusTag({ opening }: { opening: Pick<OpeningOutput, 'status' | 'expired'> }) {
  const m = useMessages();
  const labels = useLabels();
  if (opening.expired) return <Tag color="warning">{m.jobOpening.expired}</Tag>;
  return <Tag color={opening.status === 'open' ? 'processing' : 'default'}>{labels.label('openingStatuses', opening.status)}</Tag>;
}
