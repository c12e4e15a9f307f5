import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ScoreNode, ScorecardResponse } from '../../../shared/contracts/compliance.contract.ts';
import type { ScoreKind, ScoreTotal } from '../../../shared/contracts/scores.contract.ts';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { entrySummary } from './ScoreDrawer.tsx';

/** The leaf `packId:indicatorId` (or `veto:id`) of the scorecard (fresh after every refetch). */
export function findNode(card: ScorecardResponse, key: string): ScoreNode | null {
  const [packId, ...rest] = key.split(':');
  const id = rest.join(':');
  const walk = (ns: ScoreNode[]): ScoreNode | null => {
    for (const n of ns) {
      if (n.id === id && !n.children) return n;
      const hit = n.children ? walk(n.children) : null;
      if (hit) return hit;
    }
    return null;
  };
  if (packId === 'veto') return walk(card.veto);
  const sec = card.sections.find((s) => s.packId === packId);
  return sec ? walk(sec.indicators) : null;
}

/** The 自评 or 考评 of a MANUAL/SEMI leaf in a table cell (待评分 when the 考评 is missing). */
export function ScoreEntryCell({ node, kind }: { node: ScoreNode; kind: ScoreKind }) {
  const s = node.scoring;
  if (!s) return null;
  const e = s[kind];
  if (!e)
    return kind === 'final' ? (
      <Tag color="gold" data-testid="score-pending">
        {node.mode === 'SEMI' || s.veto ? M.scoring.pendingSemi : M.scoring.pending}
      </Tag>
    ) : (
      <Typography.Text type="secondary">{M.common.none}</Typography.Text>
    );
  return (
    <Tooltip title={M.scoring.last(e.scoredBy, fmtDateTime(e.scoredAt))}>
      <span data-testid={`score-${kind}`}>{entrySummary(e, s.veto)}</span>
    </Tooltip>
  );
}

/** Points of a node (100-point scale) with what is left out. */
export function PointsCell({ node }: { node: ScoreNode }) {
  const p = node.points;
  if (!p) return null;
  return (
    <Space orientation="vertical" size={0} data-testid="node-points">
      <span>{M.scoring.pointsOf(p.value)}</span>
      {node.children && p.pending > 0 && (
        <Typography.Text type="secondary">{M.scoring.totalPending(p.pending)}</Typography.Text>
      )}
    </Space>
  );
}

/** The scorecard total: value, pending/excluded counts, coverage and veto. */
export function ScoreTotalLine({ total }: { total: ScoreTotal }) {
  return (
    <Space wrap data-testid="scorecard-total">
      <Tooltip title={M.scoring.totalHint}>
        <Typography.Text strong data-testid="scorecard-total-value">
          {M.scoring.pointsOf(total.value)}
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary">{M.scoring.coverage(total.coverage)}</Typography.Text>
      {total.pending > 0 && <Tag color="gold">{M.scoring.totalPending(total.pending)}</Tag>}
      {total.excluded > 0 && <Tag>{M.scoring.totalExcluded(total.excluded)}</Tag>}
      {total.vetoed && <Tag color="red">{M.scoring.vetoed(total.vetoIds.join('、'))}</Tag>}
    </Space>
  );
}
