import { Button, Card } from 'antd';
import { Link, useParams } from 'react-router';
import { useMeeting } from '../../api/useMeetings.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { M } from '../../messages.ts';
import { MeetingDetail } from './MeetingDetail.tsx';

/** /meetings/:id — one record, its workflow actions, attachments and history. */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const q = useMeeting(id);
  if (q.isPending) return <PageLoading />;
  if (!q.data) return <ErrorResult error={q.error} />;
  return (
    <Card
      title={`${M.meetingWork.detailTitle} · ${q.data.orgName}`}
      extra={
        <Link to={`/orgs/${q.data.orgId}`}>
          <Button size="small">{M.meetingWork.back}</Button>
        </Link>
      }
      style={{ maxWidth: 960 }}
      data-testid="meeting-detail-page"
    >
      <MeetingDetail id={id} />
    </Card>
  );
}
