import { Alert, Card, Empty, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ParticipationMember } from '../../../shared/contracts/participation.contract.ts';
import { useParticipation } from '../../api/useParticipation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const T = M.participation;
const pct = (r: number | null) => (r === null ? M.common.none : `${Math.round(r * 1000) / 10}%`);
const LEVEL_COLOR: Record<string, string> = { info: 'blue', warn: 'orange', violation: 'red' };

/** 组织生活参与: each member's attended / expected records of a year, rate, and current LIFE-018 streak. */
export function ParticipationTab({ orgId }: { orgId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useParticipation(orgId, year);
  const d = q.data;
  const below = (r: number | null) => d?.target != null && r !== null && r < d.target;
  return (
    <Card size="small" data-testid="org-participation">
      <Space style={{ marginBottom: 12 }} wrap>
        {T.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {d && (
          <>
            <Typography.Text strong data-testid="participation-total">
              {T.total(d.total.attended, d.total.expected, pct(d.total.rate))}
            </Typography.Text>
            <Typography.Text type="secondary">{T.asOf(fmtDate(d.asOf))}</Typography.Text>
          </>
        )}
      </Space>
      {d && (
        <Alert
          type={d.target === null ? 'info' : below(d.total.rate) ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={d.target === null ? T.noTarget : T.target(pct(d.target))}
          description={T.rules}
        />
      )}
      <ErrorAlert error={q.error} />
      <Table<ParticipationMember>
        size="small"
        rowKey="personId"
        loading={q.isPending}
        dataSource={d?.members ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={T.empty} /> }}
        columns={[
          { title: T.name, dataIndex: 'name' },
          { title: T.since, dataIndex: 'since', width: 120, render: fmtDate },
          {
            title: T.attended,
            width: 110,
            render: (_: unknown, r) => `${r.attended}/${r.expected}`,
          },
          { title: T.leave, dataIndex: 'leave', width: 70 },
          {
            title: T.rate,
            dataIndex: 'rate',
            width: 90,
            sorter: (a, b) => (a.rate ?? 2) - (b.rate ?? 2),
            render: (r: number | null) => (
              <Typography.Text type={below(r) ? 'danger' : undefined}>{pct(r)}</Typography.Text>
            ),
          },
          {
            title: (
              <Tooltip title={d ? T.levelTip(d.alertMonths.join('、'), d.lapseMonths) : undefined}>
                {T.streak}
              </Tooltip>
            ),
            dataIndex: 'streakMonths',
            width: 260,
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.streakMonths - b.streakMonths,
            render: (_: unknown, r) =>
              r.streakMonths === 0 || !r.streakFrom || !r.streakTo ? (
                T.streakNone
              ) : (
                <Space size={4} data-testid="participation-streak">
                  {T.streakMonths(r.streakMonths, r.streakFrom, r.streakTo)}
                  {r.level && (
                    <Tooltip title={d ? T.levelTip(d.alertMonths.join('、'), d.lapseMonths) : undefined}>
                      <Tag color={LEVEL_COLOR[r.level]}>{T.levels[r.level]} · LIFE-018</Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
