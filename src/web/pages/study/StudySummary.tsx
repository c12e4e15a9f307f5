import { Card, Descriptions, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { PersonStudyResponse } from '../../../shared/contracts/study.contract.ts';
import { STUDY_KIND_LABEL, STUDY_KINDS } from '../../../shared/study-enums.ts';
import { M } from '../../messages.ts';

/** The year against the threshold: a progress bar of counted hours, the rule that applies, what is missing. */
export function StudySummary({ s }: { s: PersonStudyResponse }) {
  const t = s.threshold;
  const pct = Math.min(100, Math.round((s.counted / t.minHours) * 100));
  return (
    <Card size="small" data-testid="study-summary">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>
            {M.study.counted} <span data-testid="study-counted">{s.counted}</span> / {M.study.required}{' '}
            <span data-testid="study-required">{t.minHours}</span>
          </Typography.Text>
          <Tooltip title={M.study.ruleTip[t.ruleId]}>
            <Tag>{t.ruleId}</Tag>
          </Tooltip>
          {s.shortfall.met ? (
            <Tag color="green" data-testid="study-status">
              {M.study.met}
            </Tag>
          ) : (
            <Tag color="red" data-testid="study-status">
              {M.study.notMet}
            </Tag>
          )}
        </Space>
        <Progress
          percent={pct}
          status={s.shortfall.met ? 'success' : 'active'}
          data-testid="study-progress"
        />
        <Space wrap>
          {s.shortfall.hours > 0 && (
            <Typography.Text type="danger">{M.study.shortfall(s.shortfall.hours)}</Typography.Text>
          )}
          {s.shortfall.sessions > 0 && (
            <Typography.Text type="danger">{M.study.needSessions(s.shortfall.sessions)}</Typography.Text>
          )}
          {s.shortfall.concentrated > 0 && t.minConcentratedHours !== null && (
            <Typography.Text type="danger">
              {M.study.needConcentrated(s.shortfall.concentrated, t.minConcentratedHours)}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {M.study.countedKinds(t.countedKinds.map((k) => STUDY_KIND_LABEL[k]).join('、'))}
          </Typography.Text>
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }}>
          {STUDY_KINDS.map((k) => (
            <Descriptions.Item key={k} label={STUDY_KIND_LABEL[k]}>
              {s.byKind[k]}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={M.study.fromMeetings}>{s.fromMeetings}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {M.study.concentrated(s.concentratedSessions, s.concentratedHours)}
        </Typography.Text>
      </Space>
    </Card>
  );
}
