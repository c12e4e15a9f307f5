/** A tiny API client for e2e arrange/assert steps (signs in like the browser does). */
export async function apiSession(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, { headers: { cookie, 'x-csrf-token': csrfToken } });
    if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get,
    async orgId(code: string): Promise<string> {
      const r = await get<{ items: { id: string; code: string }[] }>(
        `/api/orgs/search?q=${encodeURIComponent(code)}`,
      );
      const hit = r.items.find((i) => i.code === code);
      if (!hit) throw new Error(`org ${code} not found`);
      return hit.id;
    },
  };
}
