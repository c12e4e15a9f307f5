import { Card, Empty, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_LABEL } from '../../shared/enums.ts';
import { useOrgSearch } from '../api/useOrgs.ts';
import { M } from '../messages.ts';
import { useDebounced } from '../lib/useDebounced.ts';

interface OrgSearchBoxProps {
  onPick: (id: string) => void;
}

/** Debounced search over org names and codes; hits show their ancestor path. */
export function OrgSearchBox({ onPick }: OrgSearchBoxProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const search = useOrgSearch(q);

  const handlePick = (id: string) => {
    setText('');
    onPick(id);
  };

  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={M.orgs.searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="org-search"
      />
      {q && (
        <Card
          size="small"
          style={{ marginTop: 4, maxHeight: 360, overflow: 'auto' }}
          data-testid="org-search-results"
        >
          {search.isFetching && !search.data ? (
            <Spin />
          ) : search.data && search.data.items.length > 0 ? (
            <>
              {search.data.items.map((hit) => (
                <button
                  type="button"
                  key={hit.id}
                  className="zb-hit"
                  onClick={() => handlePick(hit.id)}
                  data-testid="org-search-hit"
                >
                  <div>
                    {hit.name} <Typography.Text type="secondary">{hit.code}</Typography.Text>{' '}
                    <Tag>{ORG_KIND_LABEL[hit.kind]}</Tag>
                    {hit.dissolvedOn && <Tag>{M.orgs.dissolved}</Tag>}
                  </div>
                  {hit.pathNames.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {hit.pathNames.join(' / ')}
                    </Typography.Text>
                  )}
                </button>
              ))}
              {search.data.truncated && (
                <Typography.Text type="warning">{M.orgs.searchTruncated}</Typography.Text>
              )}
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.orgs.searchEmpty} />
          )}
        </Card>
      )}
    </div>
  );
}
