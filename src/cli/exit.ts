/** Exit codes by error kind (the CLI mirrors the HTTP error kinds). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  validation: 3,
  not_found: 4,
  conflict: 5,
  forbidden: 6,
} as const;
