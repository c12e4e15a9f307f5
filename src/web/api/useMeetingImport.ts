import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingImportResponse } from '../../shared/contracts/meeting-import.contract.ts';
import { api } from './client.ts';

export const meetingImportTemplateUrl = (orgId: string) => `/api/orgs/${orgId}/meetings/import-template.xlsx`;

/** Upload a 会议记录 sheet: first with dryRun=true (preview), then dryRun=false to write. */
export function useMeetingImport(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api<MeetingImportResponse>(`/api/orgs/${orgId}/meetings/import`, {
        method: 'POST',
        body: form,
        query: { dryRun: String(dryRun) },
      });
    },
    onSuccess: (res) => {
      if (res.written)
        return Promise.all([
          qc.invalidateQueries({ queryKey: ['org', orgId] }),
          qc.invalidateQueries({ queryKey: ['audit'] }),
        ]);
    },
  });
}
