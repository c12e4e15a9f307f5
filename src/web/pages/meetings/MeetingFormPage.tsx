import { Alert, App, Button, Card, Divider, Form, Space } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MeetingView } from '../../../shared/contracts/meetings.contract.ts';
import { ApiError } from '../../api/client.ts';
import { useMeeting, useMeetingWrites, useRoster } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult, NotFoundResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { M } from '../../messages.ts';
import { AttendanceSection } from './AttendanceSection.tsx';
import { BasicsSection } from './BasicsSection.tsx';
import { ContentSection } from './ContentSection.tsx';
import {
  type MeetingFormValues,
  dayOf,
  fromView,
  mergeRoster,
  missingLines,
  refusedMissing,
  toBody,
} from './meetingForm.ts';
import { RevisionModal } from './RevisionModal.tsx';
import { VotesSection } from './VotesSection.tsx';

const W = M.meetingWork;
const EMPTY: MeetingFormValues = {
  tags: [],
  attendance: [],
  agenda: [{ title: '', first_topic: true }],
  decisions: [],
  votes: [],
};

/** /orgs/:orgId/meetings/new and /meetings/:id/edit — the recording form (phone-friendly, one column on small screens). */
export default function MeetingFormPage() {
  const { orgId: newOrgId, id } = useParams();
  const existing = useMeeting(id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.error) return <ErrorResult error={existing.error} />;
  const orgId = newOrgId ?? existing.data?.orgId;
  if (!orgId) return <NotFoundResult />;
  return <MeetingForm key={id ?? 'new'} orgId={orgId} initial={existing.data ?? null} />;
}

function MeetingForm({ orgId, initial }: { orgId: string; initial: MeetingView | null }) {
  const [form] = Form.useForm<MeetingFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const writes = useMeetingWrites();
  const [saved, setSaved] = useState<MeetingView | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [revising, setRevising] = useState<MeetingFormValues | null>(null);
  const held = Form.useWatch('heldAt', form);
  const date = dayOf(held);
  const roster = useRoster(orgId, date);
  const synced = useRef<string | null>(initial ? dayOf(fromView(initial).heldAt) : null);

  // A new date pre-fills attendance from that day's roster (keeping marks already made) and the expected count.
  useEffect(() => {
    if (!roster.data || !date || synced.current === date) return;
    synced.current = date;
    const rows = mergeRoster(form.getFieldValue('attendance') ?? [], roster.data.items);
    form.setFieldsValue({ attendance: rows, expected: rows.length });
  }, [roster.data, date, form]);

  const attendance = Form.useWatch('attendance', { form, preserve: true });
  const people = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of roster.data?.items ?? []) seen.set(p.personId, p.name);
    for (const a of attendance ?? []) seen.set(a.personId, a.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [roster.data, attendance]);

  const status = saved?.status ?? 'held';
  const locked = status === 'reviewed';
  const busy = Object.values(writes).some((w) => w.isPending);
  const lines = saved ? missingLines(saved.missing) : [];
  const votesProblem = lines.find((l) => l.includes('表决情况')) ?? null;

  const save = async (v: MeetingFormValues): Promise<MeetingView> => {
    const body = toBody(v);
    const out = saved
      ? await writes.update.mutateAsync({ id: saved.id, body: { ...body, version: saved.version } })
      : await writes.create.mutateAsync({ orgId, body });
    setSaved(out);
    return out;
  };
  const run = async (submit: boolean) => {
    setError(null);
    setRefused(null);
    if (!(await form.validateFields().catch(() => null))) return;
    // every value, also those held by no field (attendance rows' personId and name)
    const v = form.getFieldsValue(true) as MeetingFormValues;
    if (locked) return setRevising(v);
    try {
      const m = await save(v);
      if (!submit) {
        message.success(W.saved);
        return navigate(`/meetings/${m.id}`);
      }
      await writes.submit.mutateAsync({ id: m.id, version: m.version });
      message.success(W.submitted);
      navigate(`/meetings/${m.id}`);
    } catch (err) {
      setRefused(refusedMissing(err));
      setError(err);
    }
  };
  const revise = async (reason: string) => {
    if (!saved || !revising) return;
    await writes.revise.mutateAsync({
      id: saved.id,
      body: { ...toBody(revising), version: saved.version, reason },
    });
    setRevising(null);
    message.success(W.saved);
    navigate(`/meetings/${saved.id}`);
  };

  if (initial && !initial.canWrite)
    return <ErrorResult error={new ApiError(403, { code: 'forbidden', message: W.readOnly })} />;
  const title = locked ? W.reviseTitle : saved ? W.editTitle : W.newTitle;
  return (
    <Card title={title} style={{ maxWidth: 960 }} data-testid="meeting-form-page">
      {locked && <Alert type="warning" showIcon title={W.reviseHint} style={{ marginBottom: 16 }} />}
      {status === 'submitted' && (
        <Alert type="info" showIcon title={W.notEditable} style={{ marginBottom: 16 }} />
      )}
      {saved?.reviewComment && status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={`${M.meetings.reviewComment}：${saved.reviewComment}`}
          style={{ marginBottom: 16 }}
        />
      )}
      {refused ? (
        <Alert
          type="error"
          showIcon
          data-testid="submit-refused"
          title={refused.join('；')}
          description={error instanceof Error ? error.message : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={error} />
      )}
      {!refused && lines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={W.missingTitle}
          description={lines.join('；')}
          style={{ marginBottom: 16 }}
          data-testid="form-missing"
        />
      )}
      <Form<MeetingFormValues>
        form={form}
        layout="vertical"
        initialValues={initial ? fromView(initial) : EMPTY}
        disabled={status === 'submitted'}
        data-testid="meeting-form"
      >
        <BasicsSection people={people} />
        <Divider titlePlacement="start">{W.attendance}</Divider>
        <AttendanceSection loading={roster.isFetching} />
        <Divider titlePlacement="start">{W.agenda}</Divider>
        <ContentSection />
        <Divider titlePlacement="start">{W.votes}</Divider>
        <VotesSection serverProblem={votesProblem} />
        <Divider />
        <Space wrap>
          {locked ? (
            <Button
              type="primary"
              loading={busy}
              onClick={() => run(false)}
              data-testid="meeting-save-revision"
            >
              {W.saveRevision}
            </Button>
          ) : (
            <>
              <Button loading={busy} onClick={() => run(false)} data-testid="meeting-save">
                {W.saveDraft}
              </Button>
              <Button type="primary" loading={busy} onClick={() => run(true)} data-testid="meeting-submit">
                {W.submit}
              </Button>
            </>
          )}
          <Button
            disabled={false}
            onClick={() => navigate(saved ? `/meetings/${saved.id}` : `/orgs/${orgId}`)}
          >
            {M.common.cancel}
          </Button>
        </Space>
      </Form>
      <RevisionModal open={!!revising} onCancel={() => setRevising(null)} onConfirm={revise} />
    </Card>
  );
}
