import { Card, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReviewQueueItem } from '../../../shared/contracts/meeting-workflow.contract.ts';
import { useMe } from '../../api/useAuth.ts';
import { useReviewQueue } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { tagLabel } from './meetingForm.ts';

const W = M.meetingWork;

/** /meetings/review — 待审核: submitted records of the caller's subtree, oldest submission first. */
export default function ReviewQueuePage() {
  const me = useMe();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const root = orgId ?? me.data?.homeOrgIds[0];
  const q = useReviewQueue(root);
  return (
    <Card title={W.reviewQueueTitle} data-testid="review-queue">
      <Space wrap style={{ marginBottom: 12 }}>
        {W.reviewQueueOrg}
        <OrgPicker value={root} onChange={(v: string | undefined) => setOrgId(v)} style={{ minWidth: 280 }} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<ReviewQueueItem>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={W.reviewQueueEmpty} />,
        }}
        columns={[
          { title: W.branch, dataIndex: 'orgName' },
          { title: M.meetings.heldAt, dataIndex: 'heldAt', width: 170, render: fmtDateTime },
          { title: M.meetings.kinds, dataIndex: 'tags', render: (t: string[]) => t.map(tagLabel).join('、') },
          { title: M.meetings.topic, dataIndex: 'topic', responsive: ['md'] },
          {
            title: W.submittedAt,
            dataIndex: 'submittedAt',
            width: 170,
            render: fmtDateTime,
            responsive: ['md'],
          },
          {
            title: M.common.actions,
            width: 120,
            render: (_: unknown, r) => (
              <Space>
                {r.lateEntry && <Tag color="orange">{M.meetings.late}</Tag>}
                <Link to={`/meetings/${r.id}`}>{W.open}</Link>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
