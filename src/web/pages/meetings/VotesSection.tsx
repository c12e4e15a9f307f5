import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { M } from '../../messages.ts';

const W = M.meetingWork;
const counts = [
  ['expected_voting', W.expectedVoting],
  ['present_voting', W.presentVoting],
  ['yes', W.yes],
  ['no', W.no],
  ['abstain', W.abstain],
] as const;

/**
 * Votes on motions. The arithmetic (ORG-020) is checked by the server, whose domain code the web cannot
 * import; its verdict on the last saved version is shown here (`serverProblem`).
 */
export function VotesSection({ serverProblem }: { serverProblem: string | null }) {
  return (
    <Form.List name="votes">
      {(fields, { add, remove }) => (
        <div data-testid="meeting-votes">
          {serverProblem && (
            <Alert
              type="warning"
              showIcon
              title={W.serverVotes(serverProblem)}
              style={{ marginBottom: 12 }}
              data-testid="votes-problem"
            />
          )}
          {fields.map((f) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              extra={
                <Button
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={W.remove}
                  onClick={() => remove(f.name)}
                />
              }
              title={
                <Form.Item name={[f.name, 'motion']} style={{ margin: 0 }}>
                  <Input placeholder={W.motion} maxLength={300} variant="borderless" />
                </Form.Item>
              }
            >
              <Row gutter={8}>
                {counts.map(([k, label]) => (
                  <Col key={k} xs={12} sm={8} md={4}>
                    <Form.Item name={[f.name, k]} label={label} style={{ marginBottom: 8 }}>
                      <InputNumber min={0} max={10000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ motion: '' })}>
            {W.addVote}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
