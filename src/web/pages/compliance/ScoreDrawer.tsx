import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ScoreNode } from '../../../shared/contracts/compliance.contract.ts';
import type { EvidenceView, ScoreEntry, ScoreKind } from '../../../shared/contracts/scores.contract.ts';
import { ApiError } from '../../api/client.ts';
import { useSaveScore } from '../../api/useScores.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { EvidenceEditor } from './EvidenceEditor.tsx';

type Values = { score: number | null; confirmed: boolean | null; comment: string };

interface ScoreDrawerProps {
  orgId: string;
  node: ScoreNode | null;
  onClose: () => void;
  onReload: () => void;
}

/** What an entry says, in one line: the score or 达标/不达标, then evidence count. */
export function entrySummary(e: ScoreEntry | null, veto = false): string {
  if (!e) return M.scoring.never;
  const verdict =
    e.score !== null
      ? M.scoring.pointsOf(e.score)
      : e.confirmed === null
        ? ''
        : e.confirmed
          ? veto
            ? M.scoring.vetoYes
            : M.scoring.met
          : veto
            ? M.scoring.vetoNo
            : M.scoring.notMet;
  return `${verdict}${e.evidence.length ? ` · ${M.scoring.evidence} ${e.evidence.length}` : ''}`;
}

function EntryCell({ entry, veto }: { entry: ScoreEntry | null; veto: boolean }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{entrySummary(entry, veto)}</span>
      {entry?.comment && <Typography.Text>{entry.comment}</Typography.Text>}
      {entry && (
        <Typography.Text type="secondary">
          {M.scoring.last(entry.scoredBy, fmtDateTime(entry.scoredAt))}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Drawer to record the 自评 or 考评 of a MANUAL/SEMI indicator, with evidence. */
export function ScoreDrawer({ orgId, node, onClose, onReload }: ScoreDrawerProps) {
  const s = node?.scoring;
  const kinds: ScoreKind[] = s
    ? [...(s.canFinal ? ['final' as const] : []), ...(s.canSelf ? ['self' as const] : [])]
    : [];
  const [kind, setKind] = useState<ScoreKind>('final');
  const [evidence, setEvidence] = useState<EvidenceView[]>([]);
  const [form] = Form.useForm<Values>();
  const save = useSaveScore(orgId);
  const { message } = App.useApp();
  const entry = s ? s[kind] : null;

  // open or switch kind: load the current entry of that kind
  useEffect(() => {
    if (!s) return;
    const k = kind === 'final' && !s.canFinal ? 'self' : kind === 'self' && !s.canSelf ? 'final' : kind;
    if (k !== kind) return setKind(k);
    const e = s[k];
    form.setFieldsValue({
      score: e?.score ?? null,
      confirmed: e?.confirmed ?? null,
      comment: e?.comment ?? '',
    });
    setEvidence(e?.evidence ?? []);
    save.reset();
  }, [s, kind, form, save.reset]);

  if (!node || !s) return null;
  const range = s.range;
  const askConfirm = !range || node.mode === 'SEMI';

  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        indicatorId: node.id,
        body: {
          kind,
          period: s.period,
          score: range ? (v.score ?? null) : null,
          confirmed: askConfirm ? (v.confirmed ?? null) : null,
          comment: v.comment?.trim() || null,
          evidence: evidence.map((e) => ({
            type: e.type,
            kind: e.kind,
            ref: e.ref,
            title: e.title,
            url: e.url,
          })),
          version: entry?.version ?? 0,
        },
      });
      message.success(M.scoring.saved);
      onClose();
    } catch (err) {
      if (err instanceof ApiError)
        form.setFields(
          err.fieldIssues
            .filter((i) => ['score', 'confirmed', 'comment'].includes(i.path))
            .map((i) => ({ name: i.path as keyof Values, errors: [i.message] })),
        );
    }
  };

  const editable = kinds.length > 0;
  return (
    <Drawer
      open
      size={680}
      title={`${M.scoring.drawerTitle(node.id, node.label)}（${M.scoring.period(s.period)}）`}
      onClose={onClose}
      destroyOnHidden
      extra={
        editable && (
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="score-save"
          >
            {M.common.save}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="score-drawer">
        <Descriptions size="small" column={1} bordered data-testid="score-compare">
          <Descriptions.Item label={M.scoring.requirement}>
            {node.requirement ?? node.citation}
          </Descriptions.Item>
          <Descriptions.Item label={M.scoring.self}>
            <EntryCell entry={s.self} veto={s.veto} />
          </Descriptions.Item>
          <Descriptions.Item label={M.scoring.final}>
            <EntryCell entry={s.final} veto={s.veto} />
          </Descriptions.Item>
        </Descriptions>
        {!editable && <Typography.Text type="secondary">{M.scoring.readOnly}</Typography.Text>}
        {editable && (
          <>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={kinds.map((k) => ({ value: k, label: M.scoring[k] }))}
              optionType="button"
              data-testid="score-kind"
            />
            <Typography.Text type="secondary">
              {kind === 'final' ? M.scoring.finalHint : M.scoring.selfHint}
            </Typography.Text>
            <ErrorAlert error={save.error} onReload={onReload} />
            <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
              {range && (
                <Form.Item
                  name="score"
                  label={M.scoring.score(range.min, range.max)}
                  rules={node.mode === 'MANUAL' ? [{ required: true, message: M.scoring.scoreRequired }] : []}
                >
                  <InputNumber
                    min={range.min}
                    max={range.max}
                    step={0.5}
                    style={{ width: 160 }}
                    data-testid="score-input"
                  />
                </Form.Item>
              )}
              {askConfirm && (
                <Form.Item
                  name="confirmed"
                  label={
                    s.veto
                      ? M.scoring.vetoConfirm
                      : node.confirm
                        ? M.scoring.confirmSemi(node.confirm)
                        : M.scoring.confirmed
                  }
                  extra={s.veto ? M.scoring.vetoHint : undefined}
                  rules={
                    kind === 'final' && !range ? [{ required: true, message: M.scoring.confirmRequired }] : []
                  }
                >
                  <Radio.Group
                    options={[
                      { value: true, label: s.veto ? M.scoring.vetoYes : M.scoring.met },
                      { value: false, label: s.veto ? M.scoring.vetoNo : M.scoring.notMet },
                    ]}
                    data-testid="score-confirmed"
                  />
                </Form.Item>
              )}
              <Form.Item name="comment" label={M.scoring.comment}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item label={M.scoring.evidence}>
                <EvidenceEditor
                  orgId={orgId}
                  year={Number(s.period)}
                  kinds={s.evidenceTypes}
                  value={evidence}
                  onChange={setEvidence}
                />
              </Form.Item>
            </Form>
          </>
        )}
      </Space>
    </Drawer>
  );
}
