import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Input, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type FindingView,
  SEVERITIES,
  type SeverityValue,
} from '../../../shared/contracts/compliance.contract.ts';
import { toSearchParams } from '../../api/client.ts';
import { useMe } from '../../api/useAuth.ts';
import { type FindingsFilters, findingsXlsxUrl, useFindings } from '../../api/useCompliance.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { SeverityTag } from './ComplianceTags.tsx';
import { FindingWhyDrawer } from './FindingWhyDrawer.tsx';

const parse = (sp: URLSearchParams, home: string | undefined): FindingsFilters => ({
  orgId: sp.get('orgId') ?? home,
  asOf: sp.get('asOf') ?? undefined,
  ruleId: sp.get('ruleId') ?? undefined,
  severity: (SEVERITIES as readonly string[]).includes(sp.get('severity') ?? '')
    ? (sp.get('severity') as SeverityValue)
    : undefined,
  period: sp.get('period') ?? undefined,
  page: Number(sp.get('page')) || 1,
  pageSize: Number(sp.get('pageSize')) || 20,
});

/** /compliance/findings — the findings of a subtree, filtered server-side, with export and a "why" drawer. */
export default function FindingsPage() {
  const [sp, setSp] = useSearchParams();
  const me = useMe();
  const q = useMemo(() => parse(sp, me.data?.homeOrgIds[0]), [sp, me.data]);
  const list = useFindings(q);
  const [why, setWhy] = useState<FindingView | null>(null);
  const [period, setPeriod] = useState(q.period ?? '');

  const set = (patch: Partial<FindingsFilters>) => setSp(toSearchParams({ ...q, page: 1, ...patch }));
  const ruleOptions = (list.data?.totalsByRule ?? []).map((t) => ({
    value: t.ruleId,
    label: `${t.ruleId} ${t.title}（${t.total}）`,
  }));
  const sev = list.data?.totalsBySeverity;

  return (
    <Card
      title={M.compliance.findingsTitle}
      extra={
        <Button icon={<DownloadOutlined />} href={findingsXlsxUrl(q)} data-testid="findings-export">
          {M.compliance.export}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="findings-filters">
        <OrgPicker
          value={q.orgId}
          allowClear={false}
          style={{ width: 280 }}
          onChange={(orgId) => orgId && set({ orgId })}
          testId="findings-org"
        />
        <DatePicker
          value={fromIsoDate(q.asOf)}
          placeholder={M.compliance.asOf}
          onChange={(d) => set({ asOf: toIsoDate(d) ?? undefined })}
        />
        <Select
          allowClear
          value={q.ruleId}
          placeholder={M.compliance.filterRule}
          style={{ width: 260 }}
          options={ruleOptions}
          onChange={(ruleId?: string) => set({ ruleId })}
          data-testid="findings-rule"
        />
        <Select
          allowClear
          value={q.severity}
          placeholder={M.compliance.filterSeverity}
          style={{ width: 140 }}
          options={SEVERITIES.map((s) => ({
            value: s,
            label: `${M.compliance.severity[s]}${sev ? `（${sev[s]}）` : ''}`,
          }))}
          onChange={(severity?: SeverityValue) => set({ severity })}
          data-testid="findings-severity"
        />
        <Input.Search
          allowClear
          value={period}
          placeholder={M.compliance.filterPeriod}
          style={{ width: 200 }}
          onChange={(e) => setPeriod(e.target.value)}
          onSearch={(v) => set({ period: v.trim() || undefined })}
          enterButton={M.compliance.apply}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<FindingView>
        size="small"
        data-testid="findings-table"
        rowKey={(f) => `${f.orgId}-${f.ruleId}-${f.period}-${f.personId ?? ''}-${f.message}`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={M.compliance.findingsEmpty} /> }}
        onRow={() => ({ 'data-testid': 'findings-row' }) as object}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: M.common.total,
          onChange: (page, pageSize) => setSp(toSearchParams({ ...q, page, pageSize })),
        }}
        columns={[
          {
            title: M.compliance.colSeverity,
            dataIndex: 'severity',
            width: 90,
            render: (s: SeverityValue) => <SeverityTag severity={s} />,
          },
          {
            title: M.compliance.colRule,
            key: 'rule',
            width: 200,
            render: (_: unknown, f) => `${f.ruleId} ${f.ruleTitle}`,
          },
          {
            title: M.compliance.colOrg,
            key: 'org',
            width: 240,
            render: (_: unknown, f) => (
              <Link to={`/compliance/orgs/${f.orgId}${q.asOf ? `?asOf=${q.asOf}` : ''}`}>{f.orgName}</Link>
            ),
          },
          {
            title: M.compliance.colPerson,
            key: 'person',
            width: 90,
            render: (_: unknown, f) =>
              f.personId ? <Link to={`/people/${f.personId}`}>{f.personName ?? f.personId}</Link> : '',
          },
          { title: M.compliance.colPeriod, dataIndex: 'period', width: 110 },
          { title: M.compliance.colMessage, dataIndex: 'message' },
          {
            title: M.common.actions,
            key: 'why',
            width: 80,
            render: (_: unknown, f) => (
              <Button size="small" type="link" onClick={() => setWhy(f)} data-testid="finding-why-open">
                {M.compliance.why}
              </Button>
            ),
          },
        ]}
      />
      <FindingWhyDrawer finding={why} onClose={() => setWhy(null)} />
    </Card>
  );
}
