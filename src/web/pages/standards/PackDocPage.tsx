import { Card, Descriptions, Empty, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type {
  IndicatorDoc,
  PackDocResponse,
  ParameterDoc,
  VetoDoc,
} from '../../../shared/contracts/standards.contract.ts';
import { isAccessError } from '../../api/client.ts';
import { usePackDoc } from '../../api/useStandards.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { UnverifiedTag, valueText } from '../compliance/ComplianceTags.tsx';

/** A pack's indicator tree as a nested table. */
function IndicatorTable({ nodes, testId }: { nodes: IndicatorDoc[]; testId: string }) {
  return (
    <Table<IndicatorDoc>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={nodes}
      data-testid={testId}
      expandable={{ defaultExpandAllRows: true }}
      columns={[
        {
          title: M.compliance.indicator,
          key: 'label',
          render: (_: unknown, n) => (
            <>
              <Tooltip title={`${M.compliance.source}：${n.citation}`}>
                <span>
                  {n.id} {n.label}
                </span>
              </Tooltip>{' '}
              {n.unverified && <UnverifiedTag />}
            </>
          ),
        },
        {
          title: M.compliance.requirement,
          key: 'requirement',
          render: (_: unknown, n) => (
            <Space orientation="vertical" size={0}>
              {n.requirement}
              {n.confirm && (
                <Typography.Text type="secondary">{M.compliance.confirm(n.confirm)}</Typography.Text>
              )}
              {n.note && <Typography.Text type="secondary">{n.note}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: M.compliance.indicatorMode,
          key: 'mode',
          width: 110,
          render: (_: unknown, n) =>
            n.mode ? (
              <span>
                {M.compliance.mode[n.mode]}
                {n.score ? `（${M.standards.score(n.score.min, n.score.max)}）` : ''}
              </span>
            ) : (
              ''
            ),
        },
        {
          title: M.compliance.indicatorRules,
          dataIndex: 'rules',
          width: 150,
          render: (r?: string[]) => r?.join('、') ?? '',
        },
        { title: M.compliance.source, dataIndex: 'sourceRef', width: 170 },
      ]}
    />
  );
}

function ParamsTable({ doc }: { doc: PackDocResponse }) {
  return (
    <Table<ParameterDoc>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={doc.parameters}
      data-testid="pack-params"
      columns={[
        { title: M.compliance.paramKey, dataIndex: 'key', width: 260 },
        {
          title: M.compliance.paramValue,
          key: 'value',
          render: (_: unknown, p) => (
            <Space orientation="vertical" size={0}>
              <span>{valueText(p.value)}</span>
              {(p.note ?? p.description) && (
                <Typography.Text type="secondary">{p.note ?? p.description}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: M.compliance.paramSource,
          key: 'source',
          width: 220,
          render: (_: unknown, p) => (
            <Space size={4} wrap>
              {p.sourceRef}
              {p.unverified && <UnverifiedTag />}
            </Space>
          ),
        },
        {
          title: M.compliance.paramDefinedIn,
          dataIndex: 'definedIn',
          width: 200,
          render: (d: string) => (d === doc.id ? <Tag color="red">{M.standards.own}</Tag> : d),
        },
        {
          title: M.standards.overrides,
          key: 'overrides',
          width: 260,
          render: (_: unknown, p) =>
            p.overrides.map((o) => (
              <div key={o.packId}>{M.standards.baselineValue(o.packId, valueText(o.value))}</div>
            )),
        },
      ]}
    />
  );
}

/** /standards/:id — one pack, readable as the document it came from. */
export default function PackDocPage() {
  const { id } = useParams();
  const doc = usePackDoc(id);
  if (doc.isPending) return <PageLoading />;
  if (doc.isError)
    return isAccessError(doc.error) ? <ErrorResult error={doc.error} /> : <ErrorAlert error={doc.error} />;
  const d = doc.data;
  const src = d.source;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pack-doc">
      <Card title={d.title}>
        <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
          <Descriptions.Item label={M.standards.document}>{src.document}</Descriptions.Item>
          <Descriptions.Item label={M.standards.issuer}>{src.issuer}</Descriptions.Item>
          <Descriptions.Item label={M.standards.number}>{src.number ?? M.common.none}</Descriptions.Item>
          <Descriptions.Item label={M.standards.date}>{fmtDate(src.date)}</Descriptions.Item>
          <Descriptions.Item label={M.standards.seed}>{src.seed ?? M.common.none}</Descriptions.Item>
          <Descriptions.Item label={M.standards.chain}>
            {d.chain.map((c, i) => (
              <span key={c}>
                {i > 0 && ' → '}
                {c === d.id ? c : <Link to={`/standards/${c}`}>{c}</Link>}
              </span>
            ))}
          </Descriptions.Item>
          {d.appliesTo && (
            <Descriptions.Item label={M.standards.appliesTo} span={2}>
              {d.appliesTo.categories && <div>{M.standards.categories(d.appliesTo.categories)}</div>}
              {(d.appliesTo.from || d.appliesTo.to) && (
                <div>{M.standards.period(d.appliesTo.from, d.appliesTo.to)}</div>
              )}
            </Descriptions.Item>
          )}
          {src.related && (
            <Descriptions.Item label={M.standards.related} span={2}>
              {src.related.map((r) => (
                <div key={r.abbr}>
                  {r.abbr}：{r.document}
                  {r.number ? ` ${r.number}` : ''}
                  {r.date ? `（${fmtDate(r.date)}）` : ''}
                </div>
              ))}
            </Descriptions.Item>
          )}
          {d.notes && (
            <Descriptions.Item label={M.standards.notes} span={2}>
              {d.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'tree',
              label: M.standards.tabTree,
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Typography.Title level={5}>{M.standards.ownTree}</Typography.Title>
                  <IndicatorTable nodes={d.indicators} testId="pack-tree" />
                  {d.baseline.map((b) => (
                    <div key={b.packId}>
                      <Typography.Title level={5}>{M.standards.baselineTree(b.packTitle)}</Typography.Title>
                      <IndicatorTable nodes={b.indicators} testId="pack-baseline-tree" />
                    </div>
                  ))}
                </Space>
              ),
            },
            { key: 'params', label: M.standards.tabParams, children: <ParamsTable doc={d} /> },
            {
              key: 'veto',
              label: M.standards.tabVeto,
              children: d.veto.length ? (
                <Table<VetoDoc>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.veto}
                  columns={[
                    {
                      title: M.compliance.indicator,
                      key: 'l',
                      render: (_: unknown, v) => `${v.id} ${v.label}`,
                    },
                    { title: M.compliance.source, dataIndex: 'citation' },
                    {
                      title: M.compliance.indicatorRules,
                      dataIndex: 'rules',
                      render: (r?: string[]) => r?.join('、') ?? '',
                    },
                  ]}
                />
              ) : (
                <Empty description={M.standards.vetoEmpty} />
              ),
            },
            {
              key: 'rules',
              label: M.standards.tabRules,
              children: (
                <Space size={[4, 8]} wrap data-testid="pack-rules">
                  {d.rules.map((r) => (
                    <Tooltip
                      key={r.id}
                      title={`${r.title}：${r.implemented ? M.standards.ruleImplemented : M.standards.ruleNotImplemented}`}
                    >
                      <Tag color={r.implemented ? 'green' : 'default'}>{r.id}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
