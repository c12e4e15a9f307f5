import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { RosterImportResponse } from '../../shared/contracts/import.contract.ts';
import { MEMBER_STATUS_LABEL } from '../../shared/enums.ts';
import { rosterTemplateUrl, useRosterImport } from '../api/useImport.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { labelOf } from '../lib/labels.ts';
import { M } from '../messages.ts';

type PreviewRow = RosterImportResponse['rows'][number];

function PreviewSummary({ result }: { result: RosterImportResponse }) {
  const bad = result.rows.filter((r) => r.errors.length > 0).length;
  if (result.written) {
    return (
      <Alert type="success" showIcon title={M.import.done(result.created)} data-testid="import-success" />
    );
  }
  return bad > 0 ? (
    <Alert
      type="error"
      showIcon
      title={M.import.summaryErrors(result.rows.length, bad)}
      data-testid="import-summary"
    />
  ) : (
    <Alert type="info" showIcon title={M.import.summaryOk(result.rows.length)} data-testid="import-summary" />
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="row"
      data-testid="import-preview"
      dataSource={rows}
      pagination={{ pageSize: 50, showTotal: M.common.total }}
      onRow={(r) => ({ style: r.errors.length > 0 ? { background: '#fff1f0' } : undefined })}
      columns={[
        { title: M.import.row, dataIndex: 'row', width: 70 },
        { title: M.people.name, dataIndex: 'name' },
        {
          title: M.people.status,
          dataIndex: 'status',
          render: (s: string) => labelOf(MEMBER_STATUS_LABEL, s),
        },
        { title: M.import.orgCode, dataIndex: 'orgCode' },
        {
          title: M.import.errors,
          key: 'errors',
          render: (_, r) =>
            r.errors.length === 0 ? (
              <Typography.Text type="success">{M.import.ok}</Typography.Text>
            ) : (
              <div data-testid="import-row-errors">
                {r.errors.map((e) => (
                  <div key={`${e.field}-${e.message}`}>
                    <Typography.Text type="danger">
                      {M.import.rowErrorField(e.field, e.message)}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
        },
      ]}
    />
  );
}

/** /import — roster upload: dry run preview with per-row errors, then 确认导入. */
export default function ImportPage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<RosterImportResponse | null>(null);
  const upload = useRosterImport();

  const run = (org: string | undefined, f: File | null, dryRun: boolean) => {
    if (!org || !f) return;
    upload.mutate(
      { orgId: org, file: f, dryRun },
      {
        onSuccess: (res) => {
          setResult(res);
          if (res.written) message.success(M.import.done(res.created));
        },
        onError: () => setResult(null),
      },
    );
  };
  const handleOrgChange = (id: string | undefined) => {
    setOrgId(id);
    setResult(null);
    run(id, file, true);
  };
  const handleFile = (f: File) => {
    setFile(f);
    setResult(null);
    run(orgId, f, true);
    return false;
  };

  const badRows = result ? result.rows.filter((r) => r.errors.length > 0).length : 0;
  const canConfirm =
    !!result && !result.written && result.rows.length > 0 && badRows === 0 && !upload.isPending;

  return (
    <Card title={M.import.title}>
      <Typography.Paragraph type="secondary">{M.import.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={M.import.targetOrg} required>
          <OrgPicker value={orgId} onChange={handleOrgChange} testId="import-org" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item>
          <Button icon={<DownloadOutlined />} href={rosterTemplateUrl} data-testid="import-template">
            {M.import.template}
          </Button>
        </Form.Item>
        <Form.Item extra={orgId ? M.import.uploadHint : M.import.chooseOrgFirst}>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={handleFile}
            disabled={!orgId}
          >
            <Button
              icon={<UploadOutlined />}
              disabled={!orgId}
              loading={upload.isPending}
              data-testid="import-upload"
            >
              {M.import.upload}
            </Button>
          </Upload>
        </Form.Item>
        {file && (
          <Form.Item>
            <Typography.Text>{M.import.file(file.name)}</Typography.Text>
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={upload.error} />
      {result ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <PreviewSummary result={result} />
          {!result.written && (
            <Button
              type="primary"
              disabled={!canConfirm}
              onClick={() => run(orgId, file, false)}
              data-testid="import-confirm"
            >
              {M.import.confirm}
            </Button>
          )}
          <PreviewTable rows={result.rows} />
        </Space>
      ) : (
        <Empty description={M.import.emptyPreview} />
      )}
    </Card>
  );
}
