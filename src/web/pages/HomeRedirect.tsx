import { Navigate } from 'react-router';
import { useMe } from '../api/useAuth.ts';
import { hasOrgScope } from '../lib/scope.ts';
import { PageLoading } from '../components/PageLoading.tsx';

/** `/` → the org tree, or the member's own record when they have no org scope. */
export default function HomeRedirect() {
  const me = useMe();
  if (!me.data) return <PageLoading />;
  if (!hasOrgScope(me.data) && me.data.user.personId)
    return <Navigate to={`/people/${me.data.user.personId}`} replace />;
  return <Navigate to="/orgs" replace />;
}
