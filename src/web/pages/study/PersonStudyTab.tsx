import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, InputNumber, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import type { StudyRecordView } from '../../../shared/contracts/study.contract.ts';
import { STUDY_KIND_LABEL } from '../../../shared/study-enums.ts';
import { usePersonStudy, useStudyRecordMutations } from '../../api/useStudy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { StudyRecordModal } from './StudyRecordModal.tsx';
import { StudySummary } from './StudySummary.tsx';

/** 学习学时 on the person page: the year's summary against the threshold, records, meeting credit. */
export function PersonStudyTab({ personId }: { personId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState<StudyRecordView | 'new' | null>(null);
  const study = usePersonStudy(personId, year);
  const { remove } = useStudyRecordMutations(personId);
  const { message } = App.useApp();
  const s = study.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-study">
      <Space wrap>
        {M.study.year}
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          data-testid="study-year"
        />
        {s?.canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="study-add"
          >
            {M.study.add}
          </Button>
        )}
      </Space>
      <ErrorAlert error={study.error ?? remove.error} />
      {s && <StudySummary s={s} />}
      <Card size="small" title={M.study.records}>
        <Table<StudyRecordView>
          size="small"
          rowKey="id"
          loading={study.isPending}
          dataSource={s?.records ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.study.empty} /> }}
          columns={[
            { title: M.study.date, dataIndex: 'date', width: 120, render: fmtDate },
            {
              title: M.study.kind,
              dataIndex: 'kind',
              width: 100,
              render: (k: keyof typeof STUDY_KIND_LABEL) => STUDY_KIND_LABEL[k],
            },
            { title: M.study.hours, dataIndex: 'hours', width: 70 },
            { title: M.study.title, dataIndex: 'title' },
            { title: M.study.provider, dataIndex: 'provider' },
            {
              title: M.study.source,
              dataIndex: 'source',
              width: 90,
              render: (v: string) => M.study.sources[v] ?? v,
            },
            ...(s?.canWrite
              ? [
                  {
                    title: '',
                    width: 130,
                    render: (_: unknown, r: StudyRecordView) => (
                      <Space>
                        <Button size="small" type="link" onClick={() => setEditing(r)}>
                          {M.common.edit}
                        </Button>
                        <Popconfirm
                          title={M.study.deleteConfirm}
                          onConfirm={() =>
                            remove.mutate(
                              { id: r.id, version: r.version },
                              { onSuccess: () => void message.success(M.study.deleted) },
                            )
                          }
                        >
                          <Button size="small" type="link" danger>
                            {M.study.delete}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={M.study.credits}>
        <Table
          size="small"
          rowKey="meetingId"
          dataSource={s?.credits ?? []}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.study.creditsEmpty} />,
          }}
          columns={[
            { title: M.study.date, dataIndex: 'date', width: 120, render: fmtDate },
            { title: M.study.title, dataIndex: 'topic' },
            { title: M.study.hours, dataIndex: 'hours', width: 70 },
          ]}
        />
      </Card>
      {editing && (
        <StudyRecordModal
          personId={personId}
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
