import { Select, Spin } from 'antd';
import { useState } from 'react';
import { usePeopleList } from '../api/usePeople.ts';
import { M } from '../messages.ts';
import { useDebounced } from '../lib/useDebounced.ts';

interface PersonPickerProps {
  orgId: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
}

/** Pick a person of an org subtree by name (antd Form control). */
export function PersonPicker({ orgId, value, onChange, placeholder }: PersonPickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const list = usePeopleList({ orgId, q: q || undefined, page: 1, pageSize: 20 });
  const options = (list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }));
  return (
    <Select
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : M.pickers.personNoMatch}
      options={options}
      data-testid="person-picker"
    />
  );
}
