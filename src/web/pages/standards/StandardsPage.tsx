import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { PackListItem } from '../../../shared/contracts/standards.contract.ts';
import { usePacks } from '../../api/useStandards.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

/** /standards — every standard pack with its source and what it contains. */
export default function StandardsPage() {
  const packs = usePacks();
  return (
    <Card title={M.standards.title}>
      <ErrorAlert error={packs.error} />
      <Table<PackListItem>
        size="small"
        rowKey="id"
        pagination={false}
        loading={packs.isPending}
        dataSource={packs.data?.items ?? []}
        data-testid="packs-table"
        onRow={() => ({ 'data-testid': 'packs-row' }) as object}
        columns={[
          {
            title: M.standards.packTitle,
            key: 'title',
            render: (_: unknown, p) => (
              <div>
                <Link to={`/standards/${p.id}`}>{p.title}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.id}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: M.standards.issuer,
            key: 'issuer',
            width: 160,
            render: (_: unknown, p) => p.source.issuer,
          },
          {
            title: M.standards.date,
            key: 'date',
            width: 110,
            render: (_: unknown, p) => fmtDate(p.source.date),
          },
          {
            title: M.standards.extends,
            dataIndex: 'extends',
            width: 160,
            render: (e: string | null) => e ?? M.common.none,
          },
          {
            title: M.standards.counts,
            key: 'counts',
            width: 170,
            render: (_: unknown, p) =>
              `${p.indicators.AUTO} / ${p.indicators.SEMI} / ${p.indicators.MANUAL}（${p.indicators.total}）`,
          },
          { title: M.standards.veto, dataIndex: 'veto', width: 100 },
          { title: M.standards.parameters, dataIndex: 'parameters', width: 70 },
        ]}
      />
    </Card>
  );
}
