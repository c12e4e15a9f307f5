import { DatePicker, Segmented, Select, Space } from 'antd';
import type { DashboardFilters } from '../../api/useCompliance.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

interface Props {
  value: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}

/** Org subtree, evaluation date, month/quarter and how many periods. */
export function ComplianceFilters({ value, onChange }: Props) {
  return (
    <Space wrap data-testid="compliance-filters">
      <span>{M.compliance.org}</span>
      <OrgPicker
        value={value.orgId}
        allowClear={false}
        style={{ width: 300 }}
        onChange={(orgId) => orgId && onChange({ ...value, orgId })}
        testId="compliance-org"
      />
      <span>{M.compliance.asOf}</span>
      <DatePicker
        value={fromIsoDate(value.asOf)}
        onChange={(d) => onChange({ ...value, asOf: toIsoDate(d) ?? undefined })}
        data-testid="compliance-asof"
      />
      <Segmented
        value={value.granularity}
        onChange={(g) => onChange({ ...value, granularity: g as DashboardFilters['granularity'] })}
        options={[
          { value: 'quarter', label: M.compliance.quarter },
          { value: 'month', label: M.compliance.month },
        ]}
      />
      <Select
        value={value.periods}
        style={{ width: 110 }}
        onChange={(periods: number) => onChange({ ...value, periods })}
        options={[4, 6, 8, 12].map((n) => ({ value: n, label: M.compliance.periodsN(n) }))}
      />
    </Space>
  );
}
