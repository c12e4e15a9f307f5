import { App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { EffectiveParameter } from '../../../shared/contracts/parameters.contract.ts';
import { useMe } from '../../api/useAuth.ts';
import { useOverride, useParameters } from '../../api/useParameters.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

type Dialog = { mode: 'set' | 'remove'; item: EffectiveParameter } | null;

/** 标准参数: values in force at this org, their sources, and local overrides (org admins adjust with a reason). */
export function ParametersTab({ orgId }: { orgId: string }) {
  const params = useParameters(orgId);
  const me = useMe();
  const { set, remove } = useOverride(orgId);
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ value: string; reason: string }>();
  const canAdjust = !!me.data && (me.data.admin || me.data.grants.some((g) => g.role === 'org_admin'));

  const handleOk = async () => {
    const v = await form.validateFields();
    if (!dialog) return;
    if (dialog.mode === 'set') {
      let value: unknown;
      try {
        value = JSON.parse(v.value);
      } catch {
        form.setFields([{ name: 'value', errors: [M.parameters.valueInvalid] }]);
        return;
      }
      await set.mutateAsync({ key: dialog.item.key, value, reason: v.reason });
      message.success(M.parameters.saved);
    } else {
      await remove.mutateAsync({ key: dialog.item.key, reason: v.reason });
      message.success(M.parameters.removed);
    }
    setDialog(null);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="org-parameters">
      <Typography.Text type="secondary">{M.parameters.intro}</Typography.Text>
      <ErrorAlert error={params.error} />
      <Table<EffectiveParameter>
        size="small"
        rowKey="key"
        loading={params.isPending}
        dataSource={params.data?.items ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        columns={[
          {
            title: M.parameters.key,
            dataIndex: 'key',
            width: 280,
            render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
          },
          {
            title: M.parameters.value,
            render: (_: unknown, p) => (
              <Space wrap>
                <span>{show(p.value)}</span>
                {p.override && <Tag color="orange">{M.parameters.override}</Tag>}
                {p.unverified && <Tag>{M.parameters.unverified}</Tag>}
              </Space>
            ),
          },
          {
            title: M.parameters.source,
            render: (_: unknown, p) =>
              p.override ? (
                <Tooltip title={`${M.parameters.packValue}：${show(p.packValue)}（${p.packSourceRef}）`}>
                  <span>
                    {p.sourceRef}
                    <br />
                    <Typography.Text type="secondary">
                      {M.parameters.setBy(
                        p.override.orgName,
                        p.override.createdBy,
                        fmtDateTime(p.override.createdAt),
                      )}
                    </Typography.Text>
                  </span>
                </Tooltip>
              ) : (
                p.sourceRef
              ),
          },
          ...(canAdjust
            ? [
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, p: EffectiveParameter) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => {
                          form.resetFields();
                          form.setFieldsValue({ value: show(p.value), reason: '' });
                          setDialog({ mode: 'set', item: p });
                        }}
                      >
                        {M.parameters.adjust}
                      </Button>
                      {p.override?.orgId === orgId && (
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            form.resetFields();
                            setDialog({ mode: 'remove', item: p });
                          }}
                        >
                          {M.parameters.remove}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!dialog}
        title={
          dialog
            ? dialog.mode === 'set'
              ? M.parameters.adjustTitle(dialog.item.key)
              : M.parameters.remove
            : ''
        }
        onCancel={() => setDialog(null)}
        onOk={() => void handleOk().catch(() => {})}
        confirmLoading={set.isPending || remove.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={dialog?.mode === 'set' ? set.error : remove.error} />
        <Form form={form} layout="vertical">
          {dialog?.mode === 'set' && (
            <Form.Item name="value" label={M.parameters.valueLabel} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={dialog?.mode === 'set' ? M.parameters.reasonLabel : M.parameters.removeReason}
            rules={[{ required: true, min: 5 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
