import { Card, Empty } from 'antd';
import { Navigate } from 'react-router';
import { useMe } from '../../api/useAuth.ts';
import { M } from '../../messages.ts';

/** /orgs without a selection: open the caller's only scope root, or ask to pick one. */
export default function OrgSelectHint() {
  const me = useMe();
  const roots = me.data?.homeOrgIds ?? [];
  if (roots.length === 1) return <Navigate to={`/orgs/${roots[0]}`} replace />;
  return (
    <Card>
      <Empty description={M.orgs.selectHint} />
    </Card>
  );
}
