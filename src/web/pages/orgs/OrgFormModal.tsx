import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { OrgDetail } from '../../../shared/contracts/orgs.contract.ts';
import {
  ORG_CATEGORIES,
  ORG_KIND_LABEL,
  ORG_KINDS,
  type OrgCategory,
  type OrgKind,
} from '../../../shared/enums.ts';
import { useCreateOrg, useUpdateOrg } from '../../api/useOrgs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';

interface OrgFormValues {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory;
  establishedOn: Dayjs | null;
  unitCount: number;
}

const FIELDS = ['code', 'name', 'kind', 'category', 'establishedOn', 'unitCount'] as const;
const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABEL[k] }));
const categoryOptions = ORG_CATEGORIES.map((c) => ({ value: c, label: c }));

interface OrgFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Editing this org; otherwise creating a child of `parent`. */
  org?: OrgDetail;
  parent?: OrgDetail;
  onReload?: () => void;
}

/** Create a child org or edit an org's name, category, founding date and unit count. */
export function OrgFormModal({ open, onClose, org, parent, onReload }: OrgFormModalProps) {
  const [form] = Form.useForm<OrgFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateOrg();
  const update = useUpdateOrg(org?.id ?? '');
  const { error, handleError, clearError } = useFormError(form, FIELDS);
  const editing = !!org;

  const handleCancel = () => {
    clearError();
    onClose();
  };

  const handleFinish = (v: OrgFormValues) => {
    clearError();
    const establishedOn = toIsoDate(v.establishedOn);
    if (org) {
      const body = {
        version: org.version,
        name: v.name,
        category: v.category,
        establishedOn,
        unitCount: v.unitCount,
      };
      update.mutate(body, {
        onSuccess: () => {
          message.success(M.common.saved);
          onClose();
        },
        onError: handleError,
      });
      return;
    }
    const body = { ...v, parentId: parent?.id ?? null, establishedOn };
    create.mutate(body, {
      onSuccess: (created) => {
        message.success(M.orgs.created);
        onClose();
        navigate(`/orgs/${created.id}`);
      },
      onError: handleError,
    });
  };

  const initialValues: Partial<OrgFormValues> = org
    ? {
        code: org.code,
        name: org.name,
        kind: org.kind,
        category: org.category,
        establishedOn: fromIsoDate(org.establishedOn),
        unitCount: org.unitCount,
      }
    : { kind: 'branch', category: parent?.category ?? '其他', unitCount: 1, establishedOn: null };

  return (
    <FormModal<OrgFormValues>
      title={editing ? M.orgs.editTitle : M.orgs.create}
      open={open}
      form={form}
      onCancel={handleCancel}
      onFinish={handleFinish}
      loading={create.isPending || update.isPending}
      error={error}
      onReload={() => {
        clearError();
        onReload?.();
      }}
      initialValues={initialValues}
      testId="org-form"
    >
      {parent && !editing && (
        <Form.Item label={M.orgs.parent}>
          <Input value={parent.name} disabled />
        </Form.Item>
      )}
      <Form.Item
        name="code"
        label={M.orgs.code}
        rules={[{ required: true, message: M.common.requiredField(M.orgs.code) }]}
      >
        <Input disabled={editing} maxLength={40} />
      </Form.Item>
      <Form.Item name="name" label={M.orgs.name} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={M.orgs.kind} rules={[{ required: true }]}>
        <Select options={kindOptions} disabled={editing} />
      </Form.Item>
      <Form.Item name="category" label={M.orgs.category} rules={[{ required: true }]}>
        <Select options={categoryOptions} />
      </Form.Item>
      <Form.Item name="establishedOn" label={M.orgs.establishedOn}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="unitCount" label={M.orgs.unitCount}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
