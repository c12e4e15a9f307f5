import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Empty, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { type ComponentRef, type Key, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { OrgListResponse, OrgNode } from '../../shared/contracts/orgs.contract.ts';
import { fetchChildren, fetchRoots, orgKeys, useOrgDetail } from '../api/useOrgs.ts';
import { M } from '../messages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface OrgTreeProps {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  height: number;
}

type TreeRef = ComponentRef<typeof Tree>;

function nodeTitle(org: OrgNode) {
  return (
    <span data-testid="org-tree-node" data-org-id={org.id}>
      {org.name}
      {org.dissolvedOn && <Tag style={{ marginInlineStart: 6 }}>{M.orgs.dissolved}</Tag>}
    </span>
  );
}

/**
 * The org tree. Children load only on expand and live in the query cache (never garbage
 * collected), so a write elsewhere refreshes a list by refetching its query. Virtual scrolling
 * (`height`) keeps 10,000 nodes responsive.
 */
export function OrgTree({ selectedId, onSelect, height }: OrgTreeProps) {
  const qc = useQueryClient();
  const [dissolved, setDissolved] = useState(false);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [cacheTick, bump] = useReducer((x: number) => x + 1, 0);
  const treeRef = useRef<TreeRef>(null);
  const roots = useQuery({ queryKey: orgKeys.roots(dissolved), queryFn: () => fetchRoots(dissolved) });
  const detail = useOrgDetail(selectedId);

  useEffect(
    () =>
      qc.getQueryCache().subscribe((e) => {
        if (e.type === 'updated' && e.query.queryKey[1] === 'children' && e.action.type === 'success') bump();
      }),
    [qc],
  );

  const loadChildren = (id: string) =>
    qc.fetchQuery({
      queryKey: orgKeys.children(id, dissolved),
      queryFn: () => fetchChildren(id, dissolved),
      gcTime: Number.POSITIVE_INFINITY,
      staleTime: 60_000,
    });

  // Reveal the selected org: load and expand its ancestors, then scroll to it.
  const path = detail.data?.id === selectedId ? detail.data?.path : undefined;
  const rootIds = roots.data?.items.map((r) => r.id);
  useEffect(() => {
    if (!selectedId || !path || !rootIds) return;
    const ancestors = path.map((p) => p.id).filter((id) => id !== selectedId);
    const start = ancestors.findIndex((id) => rootIds.includes(id));
    if (start < 0) return;
    const chain = ancestors.slice(start);
    let cancelled = false;
    (async () => {
      for (const id of chain) await loadChildren(id);
      if (cancelled) return;
      setExpandedKeys((prev) => [...new Set([...prev, ...chain])]);
      setTimeout(() => {
        // Scroll only when the node is not already on screen (the virtual list renders visible rows).
        if (!document.querySelector(`[data-org-id="${selectedId}"]`)) {
          treeRef.current?.scrollTo({ key: selectedId, align: 'top' });
        }
      }, 50);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selectedId, path, rootIds?.join(','), dissolved]);

  const treeData = useMemo(() => {
    const build = (nodes: OrgNode[]): TreeDataNode[] =>
      nodes.map((org) => {
        const cached = qc.getQueryData<OrgListResponse>(orgKeys.children(org.id, dissolved));
        return {
          key: org.id,
          title: nodeTitle(org),
          isLeaf: org.childCount === 0 && !cached?.items.length,
          children: cached ? build(cached.items) : undefined,
        };
      });
    return build(roots.data?.items ?? []);
  }, [roots.data, cacheTick, dissolved, qc]);

  const handleLoad = async (node: { key: Key }) => {
    await loadChildren(String(node.key));
  };

  if (roots.isPending) return <Spin />;
  if (roots.isError) return <ErrorAlert error={roots.error} />;

  return (
    <div data-testid="org-tree">
      <Checkbox
        checked={dissolved}
        onChange={(e) => setDissolved(e.target.checked)}
        style={{ marginBottom: 8 }}
      >
        {M.orgs.showDissolved}
      </Checkbox>
      {treeData.length === 0 ? (
        <Empty description={M.orgs.treeEmpty} />
      ) : (
        <Tree
          key={String(dissolved)}
          ref={treeRef}
          blockNode
          height={height}
          treeData={treeData}
          loadData={handleLoad}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpandedKeys(keys.map(String))}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(_keys, info) => onSelect(String(info.node.key))}
        />
      )}
    </div>
  );
}
