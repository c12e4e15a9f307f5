import { Card, Col, Result, Row } from 'antd';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/useAuth.ts';
import { hasOrgScope } from '../../lib/scope.ts';
import { OrgSearchBox } from '../../components/OrgSearchBox.tsx';
import { OrgTree } from '../../components/OrgTree.tsx';
import { M } from '../../messages.ts';
import { useWindowHeight } from '../../lib/useWindowHeight.ts';

/** /orgs and /orgs/:id — the lazily loaded tree on the left, the selected org on the right. */
export default function OrgsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const windowHeight = useWindowHeight();

  if (me.data && !hasOrgScope(me.data)) {
    return (
      <Result
        status="info"
        title={M.orgs.memberOnly}
        data-testid="member-only"
        extra={
          me.data.user.personId ? (
            <Link to={`/people/${me.data.user.personId}`}>{M.orgs.openMyRecord}</Link>
          ) : null
        }
      />
    );
  }

  const handleSelect = (orgId: string) => navigate(`/orgs/${orgId}`);

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="340px">
        <Card title={M.orgs.tree} size="small">
          <OrgSearchBox onPick={handleSelect} />
          <OrgTree selectedId={id} onSelect={handleSelect} height={Math.max(300, windowHeight - 300)} />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Outlet />
      </Col>
    </Row>
  );
}
