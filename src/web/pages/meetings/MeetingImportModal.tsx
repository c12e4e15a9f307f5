import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type {
  MeetingImportResponse,
  MeetingImportRow,
} from '../../../shared/contracts/meeting-import.contract.ts';
import { meetingImportTemplateUrl, useMeetingImport } from '../../api/useMeetingImport.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { M } from '../../messages.ts';

const T = M.meetingImport;

function Summary({ result }: { result: MeetingImportResponse }) {
  if (result.written)
    return <Alert type="success" showIcon title={T.done(result.created)} data-testid="meeting-import-done" />;
  return result.errorCount > 0 ? (
    <Alert
      type="error"
      showIcon
      title={T.summaryErrors(result.rows.length, result.errorCount)}
      data-testid="meeting-import-summary"
    />
  ) : (
    <Alert
      type="info"
      showIcon
      title={T.summaryOk(result.rows.length, result.incomplete)}
      data-testid="meeting-import-summary"
    />
  );
}

function RowResult({ r }: { r: MeetingImportRow }) {
  if (r.errors.length)
    return (
      <div data-testid="meeting-import-row-errors">
        {r.errors.map((e) => (
          <div key={`${e.field}-${e.message}`}>
            <Typography.Text type="danger">{T.rowError(r.row, e.field, e.message)}</Typography.Text>
          </div>
        ))}
      </div>
    );
  if (r.missing.length)
    return <Typography.Text type="warning">{T.missing(r.missing.join('、'))}</Typography.Text>;
  return <Typography.Text type="success">{T.ok}</Typography.Text>;
}

/** 导入会议记录: template download, upload with a per-row dry-run preview, then 确认导入. */
export function MeetingImportModal({
  orgId,
  open,
  onClose,
}: {
  orgId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<MeetingImportResponse | null>(null);
  const upload = useMeetingImport(orgId);
  const run = (f: File, dryRun: boolean) =>
    upload.mutate(
      { file: f, dryRun },
      {
        onSuccess: (res) => {
          setResult(res);
          if (res.written) message.success(T.done(res.created));
        },
        onError: () => setResult(null),
      },
    );
  const close = () => {
    setFile(null);
    setResult(null);
    upload.reset();
    onClose();
  };
  const canConfirm =
    !!file && !!result && !result.written && result.rows.length > 0 && result.errorCount === 0;
  return (
    <Modal
      open={open}
      title={T.title}
      width={960}
      onCancel={close}
      destroyOnHidden
      footer={
        result?.written ? null : (
          <Button
            type="primary"
            disabled={!canConfirm}
            loading={upload.isPending}
            onClick={() => file && run(file, false)}
            data-testid="meeting-import-confirm"
          >
            {T.confirm}
          </Button>
        )
      }
    >
      <div data-testid="meeting-import-modal">
        <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            icon={<DownloadOutlined />}
            href={meetingImportTemplateUrl(orgId)}
            data-testid="meeting-import-template"
          >
            {T.template}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              run(f, true);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="meeting-import-upload">
              {T.upload}
            </Button>
          </Upload>
          {file && <Typography.Text>{T.file(file.name)}</Typography.Text>}
        </Space>
        <ErrorAlert error={upload.error} />
        {result ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Summary result={result} />
            <Table<MeetingImportRow>
              size="small"
              rowKey="row"
              data-testid="meeting-import-preview"
              dataSource={result.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: T.row, dataIndex: 'row', width: 60 },
                { title: T.heldAt, dataIndex: 'heldAt', width: 150 },
                { title: T.tags, dataIndex: 'tags', width: 140 },
                { title: T.topic, dataIndex: 'topic' },
                { title: T.result, key: 'result', render: (_, r) => <RowResult r={r} /> },
              ]}
            />
          </Space>
        ) : (
          <Typography.Paragraph type="secondary">{T.empty}</Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}
