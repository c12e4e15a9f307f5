import type { z } from 'zod';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';

/**
 * The zod issues of one record of a dataset array as import errors naming `array[index].field`; an
 * unknown key names itself as the field ("未知的字段：…"), not the record.
 */
export function recordIssues(array: string, index: number, error: z.ZodError): ImportIssue[] {
  return error.issues.map((iss) =>
    iss.code === 'unrecognized_keys'
      ? { array, index, field: iss.keys.join(', '), message: `未知的字段：${iss.keys.join(', ')}` }
      : { array, index, field: iss.path.map(String).join('.') || null, message: iss.message },
  );
}
