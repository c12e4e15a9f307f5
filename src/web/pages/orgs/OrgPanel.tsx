import { Col, Row, Space, Tabs } from 'antd';
import { useParams } from 'react-router';
import { isAccessError } from '../../api/client.ts';
import { useOrgDetail } from '../../api/useOrgs.ts';
import { AuditTable } from '../../components/AuditTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { M } from '../../messages.ts';
import { CommitteeCard } from './CommitteeCard.tsx';
import { ElectionsTab } from './ElectionsTab.tsx';
import { OrgChangesTab } from './OrgChangesTab.tsx';
import { OrgCounts } from './OrgCounts.tsx';
import { OrgHeader } from './OrgHeader.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { OrgCalendar } from '../calendar/OrgCalendarPage.tsx';
import { OrgMembersTab } from './OrgMembersTab.tsx';
import { ParametersTab } from './ParametersTab.tsx';
import { ParticipationTab } from './ParticipationTab.tsx';
import { PlanTab } from '../plans/PlanTab.tsx';
import { OrgPointsTab } from '../study/OrgPointsTab.tsx';
import { OrgStudyTab } from '../study/OrgStudyTab.tsx';
import { TermPanel } from './TermPanel.tsx';

/** /orgs/:id — the selected org: header, counts, committee, term, and tabs. */
export default function OrgPanel() {
  const { id } = useParams();
  const detail = useOrgDetail(id);

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) {
    return isAccessError(detail.error) ? (
      <ErrorResult error={detail.error} />
    ) : (
      <ErrorAlert error={detail.error} />
    );
  }
  const org = detail.data;
  const handleReload = () => void detail.refetch();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="org-panel">
      <OrgHeader org={org} onReload={handleReload} />
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <OrgCounts org={org} />
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <TermPanel org={org} />
            <CommitteeCard key={org.id} org={org} />
          </Space>
        </Col>
      </Row>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'members', label: M.orgs.tabMembers, children: <OrgMembersTab key={org.id} org={org} /> },
          {
            key: 'meetings',
            label: M.orgs.tabMeetings,
            children: <MeetingsTab key={org.id} orgId={org.id} />,
          },
          {
            key: 'participation',
            label: M.participation.tab,
            children: <ParticipationTab key={org.id} orgId={org.id} />,
          },
          { key: 'calendar', label: M.calendar.tab, children: <OrgCalendar key={org.id} orgId={org.id} /> },
          { key: 'plan', label: M.plans.tab, children: <PlanTab key={org.id} org={org} /> },
          { key: 'study', label: M.study.tab, children: <OrgStudyTab key={org.id} orgId={org.id} /> },
          { key: 'points', label: M.points.tab, children: <OrgPointsTab key={org.id} orgId={org.id} /> },
          { key: 'changes', label: M.orgs.tabChanges, children: <OrgChangesTab org={org} /> },
          { key: 'elections', label: M.orgs.tabElections, children: <ElectionsTab orgId={org.id} /> },
          {
            key: 'parameters',
            label: M.orgs.tabParameters,
            children: <ParametersTab key={org.id} orgId={org.id} />,
          },
          {
            key: 'audit',
            label: M.orgs.tabAudit,
            children: <AuditTable key={org.id} orgId={org.id} />,
          },
        ]}
      />
    </Space>
  );
}
