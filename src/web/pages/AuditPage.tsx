import { Card } from 'antd';
import { AuditTable } from '../components/AuditTable.tsx';
import { M } from '../messages.ts';

/** /audit — the audit log of the caller's scope. */
export default function AuditPage() {
  return (
    <Card title={M.audit.title}>
      <AuditTable />
    </Card>
  );
}
