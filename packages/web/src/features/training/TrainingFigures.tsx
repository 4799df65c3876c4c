/** The two training counts of the current division (the numerators of 培训率 and 持证率). */
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useMessages } from '../../i18n/locale';
import { useTrainingFigures } from './training-queries';

export function TrainingFigures({ divisionCode }: { divisionCode: string }) {
  const m = useMessages();
  const figures = useTrainingFigures(divisionCode);
  const hint = figures.data ? m.training.figuresHint(figures.data.on) : undefined;
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <Tooltip title={hint}>
          <Card size="small">
            <Statistic title={m.training.trainedPeople} value={figures.data?.trained ?? '—'} loading={figures.isLoading} data-testid="figure-trained" />
          </Card>
        </Tooltip>
      </Col>
      <Col xs={12} md={6}>
        <Tooltip title={hint}>
          <Card size="small">
            <Statistic title={m.training.certifiedPeople} value={figures.data?.certified ?? '—'} loading={figures.isLoading} data-testid="figure-certified" />
          </Card>
        </Tooltip>
      </Col>
    </Row>
  );
}
