import { z } from 'zod';
import { ROLES } from '../enums.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GrantView = z.object({
  role: z.enum(ROLES),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  orgCode: z.string().nullable(),
  pii: z.boolean(),
});
export type GrantView = z.infer<typeof GrantView>;

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
  }),
  grants: z.array(GrantView),
  csrfToken: z.string(),
  /** Roots of the caller's org scope (for the tree). */
  homeOrgIds: z.array(z.string()),
  canWrite: z.boolean(),
  admin: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: z
    .string()
    .min(8, '新密码至少 8 位')
    .max(256)
    .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '新密码须同时包含字母和数字'),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const DemoAccountsResponse = z.object({
  demo: z.boolean(),
  accounts: z.array(
    z.object({ username: z.string(), password: z.string(), role: z.string(), description: z.string() }),
  ),
});
export type DemoAccountsResponse = z.infer<typeof DemoAccountsResponse>;
