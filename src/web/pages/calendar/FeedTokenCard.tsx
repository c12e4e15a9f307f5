import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CalendarTokenCreated } from '../../../shared/contracts/calendar.contract.ts';
import { useCalendarToken } from '../../api/useCalendar.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDateTime } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

/** 日历订阅: create a secret ICS URL (shown once, with a copy button), renew or revoke it. */
export function FeedTokenCard() {
  const { message } = App.useApp();
  const { status, create, revoke } = useCalendarToken();
  const [created, setCreated] = useState<CalendarTokenCreated | null>(null);
  const active = status.data?.active ?? null;
  const url = created ? `${window.location.origin}${created.path}` : null;

  const handleCreate = () => create.mutate(undefined, { onSuccess: (r) => setCreated(r) });
  const handleRevoke = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setCreated(null);
        void message.success(M.calendar.feedRevoked);
      },
    });
  const handleCopy = () => {
    if (!url) return;
    void navigator.clipboard?.writeText(url).then(() => message.success(M.calendar.feedCopied));
  };

  return (
    <Card size="small" title={M.calendar.feedTitle} data-testid="feed-token-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{M.calendar.feedHint}</Typography.Text>
        <ErrorAlert error={status.error ?? create.error ?? revoke.error} />
        {url && (
          <Alert
            type="warning"
            showIcon
            title={M.calendar.feedShownOnce}
            description={
              <Space.Compact style={{ width: '100%' }}>
                <Input readOnly value={url} data-testid="feed-url" />
                <Button icon={<CopyOutlined />} onClick={handleCopy}>
                  {M.calendar.feedCopy}
                </Button>
              </Space.Compact>
            }
          />
        )}
        <Typography.Text data-testid="feed-status">
          {active
            ? M.calendar.feedActive(
                fmtDateTime(active.createdAt),
                active.lastUsedAt ? fmtDateTime(active.lastUsedAt) : M.calendar.feedNeverUsed,
              )
            : M.calendar.feedNone}
        </Typography.Text>
        <Space>
          {active ? (
            <Popconfirm title={M.calendar.feedRenewConfirm} onConfirm={handleCreate}>
              <Button loading={create.isPending}>{M.calendar.feedRenew}</Button>
            </Popconfirm>
          ) : (
            <Button
              type="primary"
              loading={create.isPending}
              onClick={handleCreate}
              data-testid="feed-create"
            >
              {M.calendar.feedCreate}
            </Button>
          )}
          {active && (
            <Popconfirm title={M.calendar.feedRevokeConfirm} onConfirm={handleRevoke}>
              <Button danger loading={revoke.isPending} data-testid="feed-revoke">
                {M.calendar.feedRevoke}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  );
}
