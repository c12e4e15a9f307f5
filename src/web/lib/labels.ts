import { M } from '../messages.ts';

/** The Chinese label of an enum code the contract types only as a string ('—' for null). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return M.common.none;
  return labels[code] ?? code;
}
