import type { MemberStatus } from '../../shared/enums.ts';

/** Order of the development pipeline (RULES.md §4): a status change normally moves forward. */
const ORDER: Record<Exclude<MemberStatus, 'left'>, number> = {
  applicant: 0,
  activist: 1,
  candidate: 2,
  probationary: 3,
  full: 4,
};

/**
 * Why a change from `from` to `to` (optionally with an org change) is refused, or null.
 * Allowed: forward along the pipeline; leaving from any status; re-joining after leaving;
 * a transfer (same status, another org).
 */
export function statusChangeError(from: MemberStatus, to: MemberStatus, orgChanges: boolean): string | null {
  if (from === to) return orgChanges ? null : '新状态与当前状态相同';
  if (to === 'left' || from === 'left') return null;
  if (ORDER[to] < ORDER[from]) return `不能从“${label(from)}”退回到“${label(to)}”`;
  return null;
}

const LABELS: Record<MemberStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  left: '已离开',
};
const label = (s: MemberStatus) => LABELS[s];

/** Why a change effective on `from` cannot follow a row that began on `currentFrom`, or null. */
export function effectiveDateError(currentFrom: string, from: string): string | null {
  if (from <= currentFrom) return `变更日期须晚于当前状态的开始日期 ${currentFrom}`;
  return null;
}
