import { Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  EVIDENCE_KIND_LABELS,
  type EvidenceRefType,
  type EvidenceView,
} from '../../../shared/contracts/scores.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../../shared/enums.ts';
import { useMeetings } from '../../api/useMeetings.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

interface EvidenceEditorProps {
  orgId: string;
  year: number;
  /** Evidence types the indicator asks for (pack `evidence:`). */
  kinds: string[];
  value: EvidenceView[];
  onChange: (v: EvidenceView[]) => void;
  disabled?: boolean;
}

const kindLabel = (k: string | null) => (k ? (EVIDENCE_KIND_LABELS[k] ?? k) : '');

/** The evidence list of a score: a meeting record or person of the branch, a link or a note. */
export function EvidenceEditor({ orgId, year, kinds, value, onChange, disabled }: EvidenceEditorProps) {
  const [adding, setAdding] = useState<EvidenceRefType | null>(null);
  const [ref, setRef] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<string | undefined>(kinds[0]);
  const meetings = useMeetings(orgId, year);
  const meetingOptions = (meetings.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${fmtDate(m.heldAt)} ${m.topic ?? m.tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、')}`,
  }));

  const start = (t: EvidenceRefType) => {
    setAdding(t);
    setRef(undefined);
    setTitle('');
    setUrl('');
    setKind(t === 'meeting' && kinds.includes('meeting_record') ? 'meeting_record' : kinds[0]);
  };
  const add = () => {
    if (!adding) return;
    const label =
      adding === 'meeting' ? (meetingOptions.find((o) => o.value === ref)?.label ?? '') : title.trim();
    onChange([
      ...value,
      {
        type: adding,
        kind: kind ?? null,
        ref: adding === 'meeting' || adding === 'person' ? (ref ?? null) : null,
        title: label,
        url: adding === 'link' ? url.trim() : null,
      },
    ]);
    setAdding(null);
  };
  const ready =
    adding === 'meeting' || adding === 'person'
      ? !!ref
      : adding === 'link'
        ? !!title.trim() && !!url.trim()
        : !!title.trim();

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="evidence-editor">
      {kinds.length > 0 && (
        <Typography.Text type="secondary">
          {M.scoring.evidenceTypes(kinds.map(kindLabel).join('、'))}
        </Typography.Text>
      )}
      <List
        size="small"
        bordered
        dataSource={value}
        locale={{ emptyText: M.scoring.evidenceNone }}
        renderItem={(e, i) => (
          <List.Item
            data-testid="evidence-item"
            actions={
              disabled
                ? []
                : [
                    <Button
                      key="rm"
                      size="small"
                      type="link"
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    >
                      {M.scoring.remove}
                    </Button>,
                  ]
            }
          >
            <Space wrap>
              <Tag>{M.scoring.refType[e.type]}</Tag>
              {e.kind && <Tag color="blue">{kindLabel(e.kind)}</Tag>}
              {e.url ? (
                <a href={e.url} target="_blank" rel="noreferrer">
                  {e.title}
                </a>
              ) : (
                <span>{e.title}</span>
              )}
            </Space>
          </List.Item>
        )}
      />
      {!disabled && !adding && (
        <Space wrap>
          <Button size="small" onClick={() => start('meeting')}>
            {M.scoring.addMeeting}
          </Button>
          <Button size="small" onClick={() => start('person')}>
            {M.scoring.addPerson}
          </Button>
          <Button size="small" onClick={() => start('link')}>
            {M.scoring.addLink}
          </Button>
          <Button size="small" onClick={() => start('note')}>
            {M.scoring.addNote}
          </Button>
        </Space>
      )}
      {adding && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="evidence-add">
          {adding === 'meeting' && (
            <Select
              style={{ width: '100%' }}
              placeholder={M.scoring.pickMeeting}
              loading={meetings.isPending}
              options={meetingOptions}
              value={ref}
              onChange={setRef}
              data-testid="evidence-meeting"
              getPopupContainer={(n: HTMLElement) => n.parentElement ?? document.body}
            />
          )}
          {adding === 'person' && (
            <PersonPicker orgId={orgId} value={ref} onChange={setRef} placeholder={M.scoring.pickPerson} />
          )}
          {(adding === 'link' || adding === 'note') && (
            <Input
              placeholder={adding === 'link' ? M.scoring.linkTitle : M.scoring.noteText}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
          {adding === 'link' && (
            <Input placeholder={M.scoring.linkUrl} value={url} onChange={(e) => setUrl(e.target.value)} />
          )}
          {kinds.length > 0 && (
            <Select
              style={{ width: 200 }}
              value={kind}
              onChange={setKind}
              options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
              aria-label={M.scoring.evidenceKind}
              getPopupContainer={(n: HTMLElement) => n.parentElement ?? document.body}
            />
          )}
          <Space>
            <Button size="small" type="primary" disabled={!ready} onClick={add}>
              {M.scoring.add}
            </Button>
            <Button size="small" onClick={() => setAdding(null)}>
              {M.common.cancel}
            </Button>
          </Space>
        </Space>
      )}
    </Space>
  );
}
