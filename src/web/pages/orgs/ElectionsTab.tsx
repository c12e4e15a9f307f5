import { Card, Empty, Table } from 'antd';
import type { ElectionView } from '../../../shared/contracts/orgs.contract.ts';
import { ELECTION_KIND_LABEL, type ElectionKind } from '../../../shared/enums.ts';
import { useElections } from '../../api/useOrgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

/** 选举: all elections of the org, newest first as the server sends them. */
export function ElectionsTab({ orgId }: { orgId: string }) {
  const elections = useElections(orgId);
  return (
    <Card size="small">
      <ErrorAlert error={elections.error} />
      <Table<ElectionView>
        size="small"
        rowKey="id"
        loading={elections.isPending}
        dataSource={elections.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.term.electionsEmpty} />,
        }}
        columns={[
          { title: M.term.heldOn, dataIndex: 'heldOn', render: fmtDate },
          { title: M.term.kind, dataIndex: 'kind', render: (k: ElectionKind) => ELECTION_KIND_LABEL[k] },
          { title: M.term.termYears, dataIndex: 'termYears' },
          { title: M.term.termEnd, dataIndex: 'termEnd', render: fmtDate },
          { title: M.common.note, dataIndex: 'note', render: (n: string | null) => n ?? M.common.none },
        ]}
      />
    </Card>
  );
}
