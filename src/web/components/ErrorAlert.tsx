import { Alert, Button } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';
import { M } from '../messages.ts';

interface ErrorAlertProps {
  error: unknown;
  /** Offered on a 409 stale_version answer: reload the record. */
  onReload?: () => void;
  testId?: string;
}

/** A red alert with the server's message (data-testid="error-alert"). */
export function ErrorAlert({ error, onReload, testId = 'error-alert' }: ErrorAlertProps) {
  if (!error) return null;
  const stale = error instanceof ApiError && error.code === 'stale_version';
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={errorMessage(error)}
      description={stale ? M.common.staleHint : undefined}
      action={
        stale && onReload ? (
          <Button size="small" onClick={onReload}>
            {M.common.reload}
          </Button>
        ) : undefined
      }
    />
  );
}
