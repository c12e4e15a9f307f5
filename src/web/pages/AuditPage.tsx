import { Card, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { AuditTable } from '../components/AuditTable.tsx';
import { labelOf } from '../lib/labels.ts';
import { M } from '../messages.ts';

/** /audit — the audit log of the caller's scope; `?entity=&entityId=` narrows it to one record. */
export default function AuditPage() {
  const [sp] = useSearchParams();
  const entity = sp.get('entity') ?? undefined;
  const entityId = sp.get('entityId') ?? undefined;
  return (
    <Card
      title={M.audit.title}
      extra={
        entity && (
          <Tag data-testid="audit-filter">
            {`${labelOf(M.audit.entities, entity)} ${entityId ?? ''}`}{' '}
            <Link to="/audit">{M.audit.clearFilter}</Link>
          </Tag>
        )
      }
    >
      <AuditTable key={`${entity}:${entityId}`} entity={entity} entityId={entityId} />
    </Card>
  );
}
