import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type AttachmentView,
} from '../../../shared/contracts/meeting-workflow.contract.ts';
import { useAttachments } from '../../api/useMeetings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';
import { RevisionModal } from './RevisionModal.tsx';

const W = M.meetingWork;
const kindOptions = ATTACHMENT_KINDS.map((k) => ({ value: k, label: W.attachmentKinds[k] }));
const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Photos and 签到表 of a record: listed, downloadable; added while editable, or on a locked record as a revision. */
export function AttachmentsPanel({ meetingId, version }: { meetingId: string; version: number }) {
  const { message } = App.useApp();
  const { list, upload, remove } = useAttachments(meetingId);
  const [kind, setKind] = useState<AttachmentKind>('sign_in');
  const [pending, setPending] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const d = list.data;
  const send = async (file: File, reason?: string) => {
    setError(null);
    await upload.mutateAsync({ file, kind, ...(reason ? { reason, version } : {}) });
    message.success(W.uploaded(file.name));
  };
  const pick = (file: File) => {
    if (d?.revisable) setPending(file);
    else send(file).catch(setError);
    return false;
  };
  const url = (a: AttachmentView) => `/api/meetings/${meetingId}/attachments/${a.id}`;
  return (
    <div data-testid="meeting-attachments">
      <ErrorAlert error={error ?? list.error ?? remove.error} />
      {(d?.editable || d?.revisable) && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            value={kind}
            onChange={setKind}
            options={kindOptions}
            style={{ width: 110 }}
            aria-label={W.attachmentKind}
          />
          <Upload
            accept="image/jpeg,image/png,image/webp,application/pdf"
            showUploadList={false}
            beforeUpload={pick}
            data-testid="attachment-upload"
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {d.revisable ? `${W.upload}（${W.revise}）` : W.upload}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {W.uploadHint(Math.round(d.maxBytes / 1024 / 1024))}
          </Typography.Text>
        </Space>
      )}
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={d?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={W.noAttachments} /> }}
        columns={[
          {
            title: W.attachmentKind,
            dataIndex: 'kind',
            width: 80,
            render: (k: string) => W.attachmentKinds[k] ?? k,
          },
          {
            title: W.fileName,
            dataIndex: 'fileName',
            render: (n: string, a) => (
              <a href={url(a)} target="_blank" rel="noreferrer">
                {n}
              </a>
            ),
          },
          { title: W.size, dataIndex: 'size', width: 90, render: size, responsive: ['sm'] },
          { title: W.uploadedBy, dataIndex: 'uploadedBy', width: 100, responsive: ['md'] },
          {
            title: W.uploadedAt,
            dataIndex: 'uploadedAt',
            width: 170,
            render: fmtDateTime,
            responsive: ['md'],
          },
          ...(d?.editable
            ? [
                {
                  title: M.common.actions,
                  width: 70,
                  render: (_: unknown, a: AttachmentView) => (
                    <Popconfirm title={W.deleteConfirm} onConfirm={() => remove.mutate(a.id)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={W.remove} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RevisionModal
        open={!!pending}
        title={W.attachRevisionTitle}
        onCancel={() => setPending(null)}
        onConfirm={async (reason) => {
          if (pending) await send(pending, reason);
          setPending(null);
        }}
      />
    </div>
  );
}
