import { Tag } from 'antd';
import type { IndicatorStatus, SeverityValue } from '../../../shared/contracts/compliance.contract.ts';
import { M } from '../../messages.ts';

const SEVERITY_COLOR: Record<SeverityValue, string> = { violation: 'red', warn: 'orange', info: 'blue' };
const STATUS_COLOR: Record<IndicatorStatus, string> = {
  met: 'green',
  not_met: 'red',
  warn: 'orange',
  due: 'blue',
  manual: 'purple',
  not_automated: 'default',
};

/** A finding's severity (违规 / 提醒 / 提示). */
export function SeverityTag({ severity }: { severity: SeverityValue }) {
  return <Tag color={SEVERITY_COLOR[severity]}>{M.compliance.severity[severity]}</Tag>;
}

/** An indicator's status (达标 / 未达标 / 提醒 / 待到期 / 待人工评分 / 暂未自动化). */
export function IndicatorStatusTag({ status, count }: { status: IndicatorStatus; count?: number }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="indicator-status" data-status={status}>
      {M.compliance.status[status]}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}

/** The 来源待核实 flag of an UNVERIFIED value or item. */
export function UnverifiedTag() {
  return (
    <Tag color="gold" data-testid="unverified">
      {M.compliance.unverified}
    </Tag>
  );
}

/** A parameter value for people: strings as they are, other values as compact JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return M.common.none;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
