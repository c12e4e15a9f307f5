import { Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { IndicatorStatus, ScoreNode } from '../../../shared/contracts/compliance.contract.ts';
import { isAccessError, toSearchParams } from '../../api/client.ts';
import { useScorecard } from '../../api/useCompliance.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { IndicatorStatusTag, SeverityTag, UnverifiedTag } from './ComplianceTags.tsx';
import { ScoreDrawer } from './ScoreDrawer.tsx';
import { findNode, PointsCell, ScoreEntryCell, ScoreTotalLine } from './ScorePoints.tsx';

const STATUS_ORDER: IndicatorStatus[] = ['not_met', 'warn', 'due', 'met', 'manual', 'not_automated'];

/** The indicator label with its source clause and requirement on hover. */
function IndicatorLabel({ node }: { node: ScoreNode }) {
  return (
    <Tooltip
      title={
        <div>
          <div>
            {M.compliance.source}：{node.citation}
          </div>
          {node.requirement && (
            <div>
              {M.compliance.requirement}：{node.requirement}
            </div>
          )}
        </div>
      }
    >
      <span data-testid="indicator-label" data-source={node.sourceRef}>
        {node.id} {node.label}
      </span>
    </Tooltip>
  );
}

/** Findings behind an indicator, with links to the person concerned. */
function NodeFindings({ node }: { node: ScoreNode }) {
  return (
    <Space orientation="vertical" size={2}>
      {node.findings.map((f) => (
        <span key={`${f.ruleId}-${f.period}-${f.personId ?? ''}-${f.message}`}>
          <SeverityTag severity={f.severity} />
          {f.message}
          {f.personId && (
            <>
              {' '}
              <Link to={`/people/${f.personId}`}>{f.personName ?? f.personId}</Link>
            </>
          )}
        </span>
      ))}
      {node.confirm && (
        <Typography.Text type="secondary">{M.compliance.confirm(node.confirm)}</Typography.Text>
      )}
      {node.mode !== 'MANUAL' && node.unimplementedRules.length > 0 && node.status !== 'not_automated' && (
        <Typography.Text type="secondary">
          {M.compliance.partlyAutomated(node.unimplementedRules)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One indicator tree as a nested table. */
function ScoreTable({
  nodes,
  testId,
  onScore,
}: {
  nodes: ScoreNode[];
  testId: string;
  onScore?: (n: ScoreNode) => void;
}) {
  return (
    <Table<ScoreNode>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={nodes}
      data-testid={testId}
      expandable={{ defaultExpandAllRows: true }}
      onRow={(n) =>
        ({ 'data-testid': 'scorecard-row', 'data-status': n.status ?? '', 'data-id': n.id }) as object
      }
      columns={[
        {
          title: M.compliance.indicator,
          key: 'label',
          width: 200,
          render: (_: unknown, n) => (
            <>
              <IndicatorLabel node={n} /> {n.unverified && <UnverifiedTag />}
            </>
          ),
        },
        {
          title: M.compliance.indicatorMode,
          dataIndex: 'mode',
          width: 80,
          render: (m?: ScoreNode['mode']) => (m ? M.compliance.mode[m] : ''),
        },
        {
          title: M.compliance.indicatorRules,
          dataIndex: 'rules',
          width: 150,
          render: (r: string[]) => r.join('、'),
        },
        {
          title: M.compliance.indicatorStatus,
          key: 'status',
          width: 200,
          render: (_: unknown, n) =>
            n.children ? (
              <Space size={2} wrap>
                {STATUS_ORDER.filter((s) => n.counts?.[s]).map((s) => (
                  <IndicatorStatusTag key={s} status={s} count={n.counts?.[s]} />
                ))}
              </Space>
            ) : (
              n.status && <IndicatorStatusTag status={n.status} />
            ),
        },
        {
          title: M.compliance.indicatorFindings,
          key: 'findings',
          render: (_: unknown, n) => <NodeFindings node={n} />,
        },
        ...(onScore
          ? [
              {
                title: M.scoring.self,
                key: 'self',
                width: 90,
                render: (_: unknown, n: ScoreNode) => <ScoreEntryCell node={n} kind="self" />,
              },
              {
                title: M.scoring.final,
                key: 'final',
                width: 90,
                render: (_: unknown, n: ScoreNode) => <ScoreEntryCell node={n} kind="final" />,
              },
              {
                title: M.scoring.points,
                key: 'points',
                width: 80,
                render: (_: unknown, n: ScoreNode) => <PointsCell node={n} />,
              },
              {
                title: '',
                key: 'score',
                width: 80,
                render: (_: unknown, n: ScoreNode) =>
                  n.scoring && (
                    <Button size="small" onClick={() => onScore(n)} data-testid="score-button">
                      {n.scoring.canSelf || n.scoring.canFinal ? M.scoring.button : M.scoring.view}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** /compliance/orgs/:id — the org's active pack, each indicator with its status and findings. */
export default function ScorecardPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const asOf = sp.get('asOf') ?? undefined;
  const card = useScorecard(id, asOf);
  const [scoring, setScoring] = useState<string | null>(null);

  if (card.isPending) return <PageLoading />;
  if (card.isError)
    return isAccessError(card.error) ? <ErrorResult error={card.error} /> : <ErrorAlert error={card.error} />;
  const s = card.data;
  const findingsUrl = `/compliance/findings?${toSearchParams({ orgId: s.org.id, asOf: s.asOf }).toString()}`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="scorecard-page">
      <Card
        title={<span data-testid="scorecard-title">{M.compliance.scorecardTitle(s.org.name)}</span>}
        extra={
          <Space>
            <Link to={`/orgs/${s.org.id}`}>
              <Button>{M.compliance.orgRecord}</Button>
            </Link>
            <Link to={findingsUrl}>
              <Button>{M.compliance.orgFindings}</Button>
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, lg: 2 }}>
          <Descriptions.Item label={M.compliance.asOf}>
            <span style={{ whiteSpace: 'nowrap' }}>{fmtDate(s.asOf)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={M.compliance.summary}>
            <Space size={2} wrap data-testid="scorecard-summary">
              {STATUS_ORDER.filter((k) => s.summary[k]).map((k) => (
                <IndicatorStatusTag key={k} status={k} count={s.summary[k]} />
              ))}
            </Space>
          </Descriptions.Item>
          {s.total && (
            <Descriptions.Item label={M.scoring.total} span={2}>
              <ScoreTotalLine total={s.total} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={M.compliance.scorecardPack} span={2}>
            <Link to={`/standards/${s.pack.id}`}>{s.pack.title}</Link>{' '}
            <Typography.Text type="secondary">
              {s.pack.setBy ? M.compliance.packSetBy(s.pack.setBy.orgName) : M.compliance.packDefault}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {s.sections.map((sec) => (
        <Card
          key={sec.packId}
          size="small"
          extra={
            sec.points && (
              <span data-testid="section-points">{M.scoring.sectionPoints(sec.points.value)}</span>
            )
          }
          title={
            sec.own ? (
              <Space>
                {M.compliance.ownSection}
                <Tag>{sec.packTitle}</Tag>
              </Space>
            ) : (
              M.compliance.baselineSection(sec.packTitle)
            )
          }
        >
          <ScoreTable
            nodes={sec.indicators}
            testId={sec.own ? 'scorecard-tree' : 'scorecard-baseline'}
            onScore={(n) => setScoring(`${sec.packId}:${n.id}`)}
          />
        </Card>
      ))}
      {s.veto.length > 0 && (
        <Card size="small" title={M.compliance.vetoSection}>
          <ScoreTable nodes={s.veto} testId="scorecard-veto" onScore={(n) => setScoring(`veto:${n.id}`)} />
        </Card>
      )}
      {scoring && (
        <ScoreDrawer
          orgId={s.org.id}
          node={findNode(s, scoring)}
          onClose={() => setScoring(null)}
          onReload={() => void card.refetch()}
        />
      )}
    </Space>
  );
}
