import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeetingView } from '../../../shared/contracts/meetings.contract.ts';
import { useMeetingWrites } from '../../api/useMeetings.ts';
import { M } from '../../messages.ts';
import { refusedMissing } from './meetingForm.ts';
import { ReviewModal } from './ReviewModal.tsx';

const W = M.meetingWork;

/** What the caller may do with a record now: edit / submit (secretary), return / lock (parent org), revise (locked). */
export function MeetingActions({
  m,
  onError,
}: {
  m: MeetingView;
  onError: (err: unknown, missing: string[] | null) => void;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const writes = useMeetingWrites();
  const [review, setReview] = useState<'return' | 'lock' | null>(null);
  const editable = m.canWrite && (m.status === 'held' || m.status === 'returned');
  const submit = () => {
    onError(null, null);
    writes.submit.mutate(
      { id: m.id, version: m.version },
      { onSuccess: () => message.success(W.submitted), onError: (err) => onError(err, refusedMissing(err)) },
    );
  };
  return (
    <Space wrap data-testid="meeting-actions">
      {editable && (
        <>
          <Button onClick={() => navigate(`/meetings/${m.id}/edit`)} data-testid="meeting-edit">
            {W.edit}
          </Button>
          <Button
            type="primary"
            loading={writes.submit.isPending}
            onClick={submit}
            data-testid="meeting-submit"
          >
            {W.submit}
          </Button>
        </>
      )}
      {m.canWrite && m.status === 'reviewed' && (
        <Button onClick={() => navigate(`/meetings/${m.id}/edit`)} data-testid="meeting-revise">
          {W.revise}
        </Button>
      )}
      {m.canReview && m.status === 'submitted' && (
        <>
          <Button danger onClick={() => setReview('return')} data-testid="meeting-return">
            {W.returnAction}
          </Button>
          <Button type="primary" onClick={() => setReview('lock')} data-testid="meeting-lock">
            {W.lockAction}
          </Button>
        </>
      )}
      <ReviewModal
        action={review}
        onCancel={() => setReview(null)}
        onConfirm={async (action, comment) => {
          await writes.review.mutateAsync({ id: m.id, version: m.version, action, comment });
          setReview(null);
          message.success(action === 'lock' ? W.locked : W.returned);
        }}
      />
    </Space>
  );
}
