import { App, Button, Card, Empty, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrgPointsResponse, PointsEntryView } from '../../../shared/contracts/points.contract.ts';
import { useOrgPoints, usePointsMutations } from '../../api/useStudy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate, fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

type Ranked = OrgPointsResponse['ranking'][number];
const QUARTERS = [1, 2, 3, 4];
const quarterEnded = (year: number, q: number) => new Date() > new Date(year, q * 3, 1);

/** 积分 on the org page: yearly ranking with quarterly totals, pending approvals, quarterly publication. */
export function OrgPointsTab({ orgId }: { orgId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [reason, setReason] = useState('');
  const data = useOrgPoints(orgId, year);
  const { decide, publish } = usePointsMutations();
  const { message } = App.useApp();
  const d = data.data;
  const published = new Map((d?.publications ?? []).map((p) => [p.period, p]));
  const done = { onSuccess: () => void message.success(M.study.saved) };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-points">
      <Space wrap>
        {M.points.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Tag title={M.points.ruleTip}>EDU-007</Tag>
      </Space>
      <ErrorAlert error={data.error ?? decide.error ?? publish.error} />
      <Card size="small" title={M.points.publications}>
        <Space wrap>
          {QUARTERS.map((q) => {
            const key = `${year}-Q${q}`;
            const pub = published.get(key);
            if (pub)
              return (
                <Tag key={key} color="green">
                  {M.points.published(key, fmtDateTime(pub.publishedAt))}
                </Tag>
              );
            return (
              <Space key={key}>
                <Tag color={quarterEnded(year, q) ? 'red' : undefined}>{M.points.notPublished(key)}</Tag>
                {d?.canWrite && quarterEnded(year, q) && (
                  <Button size="small" onClick={() => publish.mutate({ orgId, quarter: key }, done)}>
                    {M.points.publish}
                  </Button>
                )}
              </Space>
            );
          })}
        </Space>
      </Card>
      {d?.canWrite && (
        <Card size="small" title={M.points.pending}>
          <Table<PointsEntryView>
            size="small"
            rowKey="id"
            dataSource={d.pending}
            pagination={false}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.points.pendingEmpty} />,
            }}
            columns={[
              { title: M.points.name, dataIndex: 'personName', width: 100 },
              { title: M.points.date, dataIndex: 'date', width: 120, render: fmtDate },
              { title: M.points.item, dataIndex: 'itemName' },
              { title: M.points.points, dataIndex: 'points', width: 70 },
              { title: M.points.note, dataIndex: 'note' },
              {
                title: '',
                width: 160,
                render: (_: unknown, e) => (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => decide.mutate({ id: e.id, version: e.version, action: 'approve' }, done)}
                    >
                      {M.points.approve}
                    </Button>
                    <Popconfirm
                      title={
                        <Input
                          placeholder={M.points.rejectReason}
                          value={reason}
                          onChange={(x) => setReason(x.target.value)}
                        />
                      }
                      onConfirm={() =>
                        decide.mutate({ id: e.id, version: e.version, action: 'reject', reason }, done)
                      }
                    >
                      <Button size="small" danger>
                        {M.points.reject}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={M.points.ranking}>
        <Table<Ranked>
          size="small"
          rowKey="personId"
          loading={data.isPending}
          dataSource={d?.ranking ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.points.empty} /> }}
          columns={[
            { title: M.points.rank, dataIndex: 'rank', width: 60 },
            {
              title: M.points.name,
              dataIndex: 'name',
              render: (name: string, r) => <Link to={`/people/${r.personId}`}>{name}</Link>,
            },
            ...QUARTERS.map((q) => ({
              title: `Q${q}`,
              width: 70,
              render: (_: unknown, r: Ranked) => r.quarters[`${year}-Q${q}`] ?? 0,
            })),
            { title: M.points.total, dataIndex: 'total', width: 90 },
          ]}
        />
      </Card>
    </Space>
  );
}
