import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { M } from '../messages.ts';

/** Full-page result for an error loading a page's main record (403/404 and others). */
export function ErrorResult({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  const resultStatus = status === 403 ? '403' : status === 404 ? '404' : 'error';
  const title =
    status === 403 ? M.errors.forbiddenTitle : status === 404 ? M.errors.notFoundTitle : M.errors.loadFailed;
  return (
    <Result
      data-testid="error-result"
      status={resultStatus}
      title={title}
      subTitle={errorMessage(error)}
      extra={
        <Link to="/">
          <Button type="primary">{M.common.backHome}</Button>
        </Link>
      }
    />
  );
}

/** For unknown routes. */
export function NotFoundResult() {
  return <ErrorResult error={new ApiError(404, { code: 'not_found', message: M.errors.pageNotFound })} />;
}
