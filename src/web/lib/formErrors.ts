import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';

/**
 * Put server validation issues onto the matching form fields.
 * Returns the message to show above the form (issues that match no field, or the server message).
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
): string | null {
  if (!(err instanceof ApiError)) return errorMessage(err);
  const unmatched: string[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of err.fieldIssues) {
    const name = issue.path.split('.')[0];
    if (fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    else unmatched.push(issue.path ? `${issue.path}：${issue.message}` : issue.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0) return err.message;
  return unmatched.length > 0 ? unmatched.join('；') : null;
}

/**
 * Error state of a form: field issues go onto the fields, the rest (or a stale_version
 * conflict, kept whole so the alert can offer a reload) is returned as `error`.
 */
export function useFormError(form: FormInstance, fields: readonly string[]) {
  const [error, setError] = useState<unknown>(null);
  const handleError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.code === 'stale_version') setError(err);
      else setError(applyServerErrors(form, err, fields));
    },
    [form, fields],
  );
  const clearError = useCallback(() => setError(null), []);
  return { error, handleError, clearError };
}
