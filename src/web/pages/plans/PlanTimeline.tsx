import { Card, Col, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import type { PlanView } from '../../../shared/contracts/plans.contract.ts';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const STATE_COLOR: Record<string, string> = { held: 'green', pending: 'blue', missed: 'red' };
const kinds = (tags: string[]) => tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');

/** Planned vs held, month by month: each item coloured by whether a matching record was held (LIFE-014). */
export function PlanTimeline({ plan }: { plan: PlanView }) {
  const held = plan.items.filter((i) => i.state === 'held').length;
  const missed = plan.items.filter((i) => i.state === 'missed').length;
  const months = Array.from({ length: 12 }, (_, m) => m + 1);
  return (
    <Card size="small" title={M.plans.timeline} data-testid="plan-timeline">
      <Typography.Paragraph type="secondary">
        {M.plans.summary(held, plan.items.length, missed)}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        {Object.entries(M.plans.states).map(([k, label]) => (
          <Tag key={k} color={STATE_COLOR[k]}>
            {label}
          </Tag>
        ))}
      </Space>
      <Row gutter={[8, 8]}>
        {months.map((m) => {
          const items = plan.items.filter((i) => Number(i.plannedOn.slice(5, 7)) === m);
          return (
            <Col key={m} xs={12} md={6} xl={4}>
              <Card size="small" title={M.plans.month(m)} styles={{ body: { minHeight: 64 } }}>
                <Space orientation="vertical" size={4}>
                  {items.map((i) => (
                    <Tooltip
                      key={i.id}
                      title={`${fmtDate(i.plannedOn)} ${i.theme}${i.heldOn ? ` · ${M.plans.heldOn(i.heldOn)}` : ''}`}
                    >
                      <Tag color={STATE_COLOR[i.state]} data-state={i.state} style={{ whiteSpace: 'normal' }}>
                        {kinds(i.tags)}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      {plan.unplanned.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="meetingId"
          title={() => M.plans.unplanned}
          pagination={false}
          dataSource={plan.unplanned}
          columns={[
            { title: M.plans.plannedOn, dataIndex: 'heldOn', width: 120, render: fmtDate },
            { title: M.plans.kinds, dataIndex: 'tags', render: kinds },
            { title: M.plans.theme, dataIndex: 'topic' },
          ]}
        />
      )}
    </Card>
  );
}
