import type { FormRule as Rule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An antd Form rule that validates with a shared zod schema, so the form shows the same
 * message as the server. Empty values pass (use `required` for those).
 */
export function zodRule(schema: ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '');
    },
  };
}
