import { Button, Card, Descriptions, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import { ELECTION_KIND_LABEL } from '../../../shared/enums.ts';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { ElectionFormModal } from './ElectionFormModal.tsx';

const TERM_RULES = ['ORG-014', 'ORG-015'];

/** 任期: last regular election, term end, overdue (ORG-014/015) and 登记选举. */
export function TermPanel({ org }: { org: OrgDetail }) {
  const [open, setOpen] = useState(false);
  const { term } = org;
  const rules = term.ruleIds.length > 0 ? term.ruleIds : TERM_RULES;
  const last = term.lastElection;

  const termEnd = term.overdue ? (
    <Tooltip title={M.term.rules(rules)}>
      <span className="zb-overdue" data-testid="term-overdue">
        {fmtDate(term.termEnd)}（{M.term.overdue}）
      </span>
    </Tooltip>
  ) : (
    <span>
      {fmtDate(term.termEnd)}
      {term.dueWithinDays !== null && term.termEnd && (
        <Tooltip title={M.term.rules(rules)}>
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            {M.term.dueIn(term.dueWithinDays)}
          </Tag>
        </Tooltip>
      )}
    </span>
  );

  return (
    <Card
      title={M.term.title}
      size="small"
      data-testid="term-panel"
      extra={
        org.canWrite && !org.dissolvedOn ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid="election-add">
            {M.term.register}
          </Button>
        ) : null
      }
    >
      {last ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'last',
              label: M.term.lastElection,
              children: `${fmtDate(last.heldOn)}（${ELECTION_KIND_LABEL[last.kind]}，${last.termYears} 年）`,
            },
            { key: 'end', label: M.term.termEnd, children: termEnd },
          ]}
        />
      ) : (
        <Typography.Text type={term.overdue ? 'danger' : 'secondary'}>
          {term.overdue ? (
            <Tooltip title={M.term.rules(rules)}>
              <span className="zb-overdue" data-testid="term-overdue">
                {M.term.never}（{M.term.overdue}）
              </span>
            </Tooltip>
          ) : (
            M.term.never
          )}
        </Typography.Text>
      )}
      {open && <ElectionFormModal orgId={org.id} open onClose={() => setOpen(false)} />}
    </Card>
  );
}
