import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterImportResponse } from '../../shared/contracts/import.contract.ts';
import { api } from './client.ts';

export const rosterTemplateUrl = '/api/import/roster-template.xlsx';

export interface RosterUpload {
  orgId: string;
  file: File;
  dryRun: boolean;
}

/** Upload a roster: first with dryRun=true (preview), then dryRun=false to write. */
export function useRosterImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, file, dryRun }: RosterUpload) => {
      const form = new FormData();
      form.append('file', file);
      return api<RosterImportResponse>('/api/import/roster', {
        method: 'POST',
        body: form,
        query: { orgId, dryRun: String(dryRun) },
      });
    },
    onSuccess: (res) => {
      if (res.written) {
        return Promise.all([
          qc.invalidateQueries({ queryKey: ['people'] }),
          qc.invalidateQueries({ queryKey: ['orgs', 'detail'] }),
          qc.invalidateQueries({ queryKey: ['audit'] }),
        ]);
      }
    },
  });
}
