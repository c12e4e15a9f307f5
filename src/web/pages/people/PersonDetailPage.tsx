import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAccessError } from '../../api/client.ts';
import { useMe } from '../../api/useAuth.ts';
import { usePerson } from '../../api/usePeople.ts';
import { hasOrgScope } from '../../lib/scope.ts';
import { AuditTable } from '../../components/AuditTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { PersonEditModal } from './PersonEditModal.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { PersonInfo } from './PersonInfo.tsx';
import { StatusChangeModal } from './StatusChangeModal.tsx';
import { PersonPointsTab } from '../study/PersonPointsTab.tsx';
import { PersonStudyTab } from '../study/PersonStudyTab.tsx';

type Dialog = 'edit' | 'status' | null;

/** /people/:id — a person's record, history, positions and audit log. */
export default function PersonDetailPage() {
  const { id } = useParams();
  const person = usePerson(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const me = useMe();

  if (person.isPending) return <PageLoading />;
  if (person.isError) {
    return isAccessError(person.error) ? (
      <ErrorResult error={person.error} />
    ) : (
      <ErrorAlert error={person.error} />
    );
  }
  const p = person.data;
  const handleReload = () => void person.refetch();
  const handleClose = () => setDialog(null);
  const cur = p.current;
  const orgScope = !!me.data && hasOrgScope(me.data);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-page">
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 16 }}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-title">
              {p.name}
            </Typography.Title>
            {cur ? (
              <>
                <StatusTag status={cur.status} />
                {orgScope ? <Link to={`/orgs/${cur.orgId}`}>{cur.orgName}</Link> : cur.orgName}
                <Typography.Text type="secondary">
                  {M.people.statusSince} {fmtDate(cur.validFrom)}
                </Typography.Text>
              </>
            ) : (
              <Tag>{M.people.noCurrent}</Tag>
            )}
          </Space>
          {p.canWrite && (
            <Space>
              <Button onClick={() => setDialog('edit')} data-testid="person-edit">
                {M.common.edit}
              </Button>
              <Button type="primary" onClick={() => setDialog('status')} data-testid="person-status-change">
                {M.statusChange.button}
              </Button>
            </Space>
          )}
        </div>
      </Card>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'info',
            label: M.people.tabInfo,
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <PersonInfo key={p.id} person={p} />
                <PersonHistory person={p} linkOrgs={orgScope} />
              </Space>
            ),
          },
          {
            key: 'study',
            label: M.study.tab,
            children: <PersonStudyTab key={p.id} personId={p.id} />,
          },
          {
            key: 'points',
            label: M.points.tab,
            children: <PersonPointsTab key={p.id} personId={p.id} orgId={cur?.orgId ?? null} />,
          },
          // A member who sees only their own record has no audit access.
          ...(orgScope
            ? [
                {
                  key: 'audit',
                  label: M.people.tabAudit,
                  children: <AuditTable key={p.id} entity="person" entityId={p.id} />,
                },
              ]
            : []),
        ]}
      />
      {dialog === 'edit' && <PersonEditModal person={p} onClose={handleClose} onReload={handleReload} />}
      {dialog === 'status' && <StatusChangeModal person={p} onClose={handleClose} onReload={handleReload} />}
    </Space>
  );
}
