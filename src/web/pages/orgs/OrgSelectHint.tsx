import { Card, Empty } from 'antd';
import { M } from '../../messages.ts';

/** /orgs without a selection. */
export default function OrgSelectHint() {
  return (
    <Card>
      <Empty description={M.orgs.selectHint} />
    </Card>
  );
}
