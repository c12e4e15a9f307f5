import { Tag } from 'antd';
import { MEMBER_STATUS_LABEL, type MemberStatus } from '../../shared/enums.ts';

const COLORS: Record<MemberStatus, string> = {
  applicant: 'default',
  activist: 'cyan',
  candidate: 'blue',
  probationary: 'orange',
  full: 'red',
  left: 'default',
};

/** A member status with its Chinese label. */
export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={COLORS[status]}>{MEMBER_STATUS_LABEL[status]}</Tag>;
}
