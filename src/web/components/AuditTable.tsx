import { Col, Empty, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditItem } from '../../shared/contracts/audit.contract.ts';
import { useAudit } from '../api/useAudit.ts';
import { fmtDateTime } from '../lib/dates.ts';
import { labelOf } from '../lib/labels.ts';
import { M } from '../messages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface AuditTableProps {
  entity?: string;
  entityId?: string;
  /** Everything recorded for this org and below (elections, positions, changes, members). */
  orgId?: string;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{M.common.none}</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>
  );
}

function AuditDiff({ item }: { item: AuditItem }) {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text strong>{M.audit.before}</Typography.Text>
        <Json value={item.before} />
      </Col>
      <Col span={12}>
        <Typography.Text strong>{M.audit.after}</Typography.Text>
        <Json value={item.after} />
      </Col>
    </Row>
  );
}

/** A server-paginated audit log, optionally for one entity; rows expand to before/after. */
export function AuditTable({ entity, entityId, orgId }: AuditTableProps) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const audit = useAudit({ entity, entityId, orgId, page, pageSize });

  return (
    <div data-testid="audit-table">
      <ErrorAlert error={audit.error} />
      <Table<AuditItem>
        size="small"
        rowKey="seq"
        loading={audit.isFetching}
        dataSource={audit.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.audit.empty} /> }}
        expandable={{ expandedRowRender: (item) => <AuditDiff item={item} /> }}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: M.common.total,
          onChange: (p, ps) => {
            setPage(ps === pageSize ? p : 1);
            setPageSize(ps);
          },
        }}
        columns={[
          { title: M.audit.at, dataIndex: 'at', width: 180, render: fmtDateTime },
          { title: M.audit.actor, dataIndex: 'actorName', width: 140 },
          {
            title: M.audit.action,
            dataIndex: 'action',
            width: 180,
            render: (a: string) => labelOf(M.audit.actions, a),
          },
          {
            title: M.audit.entity,
            dataIndex: 'entity',
            width: 120,
            render: (e: string) => labelOf(M.audit.entities, e),
          },
          {
            title: M.audit.entityId,
            dataIndex: 'entityId',
            render: (id: string | null) => (
              <Typography.Text type="secondary">{id ?? M.common.none}</Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
