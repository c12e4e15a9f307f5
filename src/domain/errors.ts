/** Error kinds shared by services, HTTP and CLI. The domain knows nothing about HTTP. */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule'
  | 'locked'
  | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (message: string, details?: unknown) =>
  new AppError('validation', 'validation', message, details);
export const notFound = (what: string, code = 'not_found') =>
  new AppError('not_found', code, `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', 'forbidden', message);
export const unauthenticated = (message = '请先登录') =>
  new AppError('unauthenticated', 'unauthenticated', message);
export const conflict = (message: string, code = 'conflict', details?: unknown) =>
  new AppError('conflict', code, message, details);
export const staleVersion = () =>
  new AppError('conflict', 'stale_version', '记录已被他人修改，请刷新后重试（版本冲突）');
export const ruleRefusal = (code: string, message: string, details?: unknown) =>
  new AppError('rule', code, message, details);
