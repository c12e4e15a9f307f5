import { Alert, Button, Card, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BRANCH_KINDS, MEETING_TAG_LABEL, type MeetingTag, type OrgKind } from '../../../shared/enums.ts';
import type { PlanItemView, PlanResponse } from '../../../shared/contracts/plans.contract.ts';
import { usePlan, usePlanWrites } from '../../api/usePlans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanFilings } from './PlanFilings.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';

const STATE_COLOR: Record<string, string> = { held: 'green', pending: 'blue', missed: 'red' };
const kinds = (tags: string[]) => tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、');

/** 年度计划 tab: a branch drafts, edits and files its plan; a parent org sees its branches' filings. */
export function PlanTab({ org }: { org: { id: string; kind: string } }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const isBranch = BRANCH_KINDS.includes(org.kind as OrgKind);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="org-plan">
      <Space>
        {M.plans.year}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {isBranch ? (
        <BranchPlan key={year} orgId={org.id} year={year} />
      ) : (
        org.kind !== 'group' && (
          <>
            <Alert type="info" showIcon title={M.plans.notBranch} />
            <PlanFilings orgId={org.id} year={year} />
          </>
        )
      )}
    </Space>
  );
}

function BranchPlan({ orgId, year }: { orgId: string; year: number }) {
  const q = usePlan(orgId, year);
  const writes = usePlanWrites(orgId, year);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Card loading size="small" />;
  const data: PlanResponse = q.data;
  const plan = data.plan;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {M.plans.intro(fmtDate(data.dueDate), data.filingTarget)}
      </Typography.Paragraph>
      <ErrorAlert error={writes.generate.error} />
      {!plan ? (
        <Card size="small">
          <Empty description={M.plans.none}>
            {data.canWrite && (
              <Button
                type="primary"
                loading={writes.generate.isPending}
                onClick={() => writes.generate.mutate()}
                data-testid="plan-generate"
              >
                {M.plans.generate}
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <>
          <Space>
            {plan.status === 'filed' ? (
              <Tag color="green" data-testid="plan-status">
                {M.plans.filedOn(fmtDate(plan.filedOn), plan.filedBy)}
              </Tag>
            ) : (
              <Tag color="orange" data-testid="plan-status">
                {M.plans.draft}
              </Tag>
            )}
            {plan.filedOn && plan.filedOn > data.dueDate && <Tag color="red">{M.plans.late}</Tag>}
          </Space>
          {plan.status === 'draft' && data.canWrite ? (
            <Card size="small" title={M.plans.tab}>
              <PlanEditor key={plan.version} data={data} />
            </Card>
          ) : (
            <PlanTable items={plan.items} />
          )}
          <PlanTimeline plan={plan} />
        </>
      )}
    </Space>
  );
}

function PlanTable({ items }: { items: PlanItemView[] }) {
  return (
    <Table<PlanItemView>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="plan-table"
      scroll={{ x: 900 }}
      columns={[
        { title: M.plans.plannedOn, dataIndex: 'plannedOn', width: 120, render: fmtDate },
        { title: M.plans.kinds, dataIndex: 'tags', width: 150, render: kinds },
        { title: M.plans.theme, dataIndex: 'theme', width: 300 },
        { title: M.plans.lecturer, dataIndex: 'lecturerName', width: 100, render: (v) => v ?? M.common.none },
        { title: M.plans.note, dataIndex: 'note', width: 160, render: (v) => v ?? '' },
        {
          title: M.plans.state,
          width: 150,
          render: (_: unknown, r) => (
            <Tag color={STATE_COLOR[r.state]}>
              {r.heldOn ? M.plans.heldOn(fmtDate(r.heldOn)) : M.plans.states[r.state]}
            </Tag>
          ),
        },
      ]}
    />
  );
}
