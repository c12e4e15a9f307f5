import { Select, Spin, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useOrgDetail, useOrgSearch } from '../api/useOrgs.ts';
import { M } from '../messages.ts';
import { useDebounced } from '../lib/useDebounced.ts';

interface OrgPickerProps {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Ids that may not be picked (e.g. the org itself when moving it). */
  exclude?: readonly string[];
  testId?: string;
}

/** Pick an org by searching its name or code (works as an antd Form control). */
export function OrgPicker({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
  exclude,
  testId,
}: OrgPickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const search = useOrgSearch(q);
  const hits = search.data?.items;
  const needLabel = !!value && !hits?.some((h) => h.id === value);
  const current = useOrgDetail(needLabel ? (value ?? undefined) : undefined);

  const options = useMemo(() => {
    const opts = (hits ?? [])
      .filter((h) => !exclude?.includes(h.id))
      .map((h) => ({
        value: h.id,
        label: h.name,
        title: [...h.pathNames, h.name].join(' / '),
        path: h.pathNames.join(' / '),
        code: h.code,
      }));
    if (value && current.data && !opts.some((o) => o.value === value)) {
      const d = current.data;
      opts.unshift({ value: d.id, label: d.name, title: d.name, path: '', code: d.code });
    }
    return opts;
  }, [hits, exclude, value, current.data]);

  return (
    <Select
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? M.pickers.orgPlaceholder}
      style={{ minWidth: 240, ...style }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : q ? M.pickers.orgNoMatch : M.pickers.typeToSearch
      }
      options={options}
      optionRender={(opt) => (
        <div>
          {opt.data.label} <Typography.Text type="secondary">{opt.data.code}</Typography.Text>
          {opt.data.path && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {opt.data.path}
              </Typography.Text>
            </div>
          )}
        </div>
      )}
    />
  );
}
