import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AttachmentKind,
  AttachmentListResponse,
  AttachmentView,
  ReviewQueueResponse,
} from '../../shared/contracts/meeting-workflow.contract.ts';
import type {
  MeetingBody,
  MeetingListResponse,
  MeetingView,
  RosterResponse,
} from '../../shared/contracts/meetings.contract.ts';
import { api } from './client.ts';

/** Meeting records of an org in a year. */
export function useMeetings(orgId: string, year: number) {
  return useQuery({
    queryKey: ['org', orgId, 'meetings', year],
    queryFn: () =>
      api<z.infer<typeof MeetingListResponse>>(`/api/orgs/${orgId}/meetings`, { query: { year } }),
  });
}

/** One meeting record (attendance, missing elements, revisions). */
export function useMeeting(id: string | null | undefined) {
  return useQuery({
    queryKey: ['meeting', id],
    enabled: !!id,
    queryFn: () => api<MeetingView>(`/api/meetings/${id}`),
  });
}

/** Members of the branch on a date, to pre-fill attendance. */
export function useRoster(orgId: string | undefined, date: string | null) {
  return useQuery({
    queryKey: ['org', orgId, 'roster', date],
    enabled: !!orgId && !!date,
    queryFn: () =>
      api<z.infer<typeof RosterResponse>>(`/api/orgs/${orgId}/meetings/roster`, { query: { date } }),
  });
}

/** 待审核: submitted records of an org's subtree that the caller reviews. */
export function useReviewQueue(orgId: string | undefined) {
  return useQuery({
    queryKey: ['org', orgId, 'review-queue'],
    enabled: !!orgId,
    queryFn: () => api<ReviewQueueResponse>(`/api/orgs/${orgId}/meetings/review-queue`),
  });
}

export type ReviewAction = { version: number; action: 'return' | 'lock'; comment: string | null };

/** A write answering the record: caches of the record, its org, review queues and the audit log follow. */
function useWrite<V>(fn: (v: V) => Promise<MeetingView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m: MeetingView) => {
      qc.setQueryData(['meeting', m.id], m);
      void qc.invalidateQueries({ queryKey: ['org', m.orgId] });
      void qc.invalidateQueries({ queryKey: ['org'], predicate: (q) => q.queryKey[2] === 'review-queue' });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Every write on a record: create, edit, submit, review, revise. */
export function useMeetingWrites() {
  return {
    create: useWrite((v: { orgId: string; body: MeetingBody }) =>
      api<MeetingView>(`/api/orgs/${v.orgId}/meetings`, { method: 'POST', body: v.body }),
    ),
    update: useWrite((v: { id: string; body: Partial<MeetingBody> & { version: number } }) =>
      api<MeetingView>(`/api/meetings/${v.id}`, { method: 'PATCH', body: v.body }),
    ),
    submit: useWrite((v: { id: string; version: number }) =>
      api<MeetingView>(`/api/meetings/${v.id}/submit`, { method: 'POST', body: { version: v.version } }),
    ),
    review: useWrite((v: { id: string } & ReviewAction) =>
      api<MeetingView>(`/api/meetings/${v.id}/review`, {
        method: 'POST',
        body: { version: v.version, action: v.action, comment: v.comment },
      }),
    ),
    revise: useWrite((v: { id: string; body: Partial<MeetingBody> & { version: number; reason: string } }) =>
      api<MeetingView>(`/api/meetings/${v.id}/revisions`, { method: 'POST', body: v.body }),
    ),
  };
}

/** The attachments of a record, with upload and delete. */
export function useAttachments(meetingId: string | null | undefined) {
  const qc = useQueryClient();
  const key = ['meeting', meetingId, 'attachments'];
  const list = useQuery({
    queryKey: key,
    enabled: !!meetingId,
    queryFn: () => api<AttachmentListResponse>(`/api/meetings/${meetingId}/attachments`),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['meeting', meetingId], exact: true });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
  const upload = useMutation({
    mutationFn: (v: { file: File; kind: AttachmentKind; version?: number; reason?: string }) => {
      const fd = new FormData();
      fd.append('file', v.file, v.file.name);
      return api<AttachmentView>(`/api/meetings/${meetingId}/attachments`, {
        method: 'POST',
        body: fd,
        query: { kind: v.kind, version: v.version, reason: v.reason },
      });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (attachmentId: string) =>
      api<void>(`/api/meetings/${meetingId}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { list, upload, remove };
}
