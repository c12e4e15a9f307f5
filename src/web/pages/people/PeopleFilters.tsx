import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import {
  GENDERS,
  MEMBER_STATUS_LABEL,
  MEMBER_STATUSES,
  type MemberStatus,
  ORG_CATEGORIES,
} from '../../../shared/enums.ts';
import type { PeopleQuery } from '../../api/usePeople.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { M } from '../../messages.ts';

export type PeopleFilterValues = Omit<PeopleQuery, 'page' | 'pageSize' | 'status'> & {
  status?: MemberStatus[];
};

const statusOptions = MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABEL[s] }));
const categoryOptions = ORG_CATEGORIES.map((c) => ({ value: c, label: c }));
const genderOptions = GENDERS.map((g) => ({ value: g, label: g }));

interface PeopleFiltersProps {
  query: PeopleQuery;
  onApply: (filters: PeopleFilterValues) => void;
}

function toFormValues(q: PeopleQuery): PeopleFilterValues {
  const { page: _page, pageSize: _pageSize, status, ...rest } = q;
  return { ...rest, status: status === undefined ? undefined : Array.isArray(status) ? status : [status] };
}

function Range({ min, max }: { min: keyof PeopleFilterValues; max: keyof PeopleFilterValues }) {
  return (
    <Space.Compact>
      <Form.Item name={min} noStyle>
        <InputNumber min={0} max={150} precision={0} placeholder={M.people.min} style={{ width: 72 }} />
      </Form.Item>
      <Form.Item name={max} noStyle>
        <InputNumber min={0} max={150} precision={0} placeholder={M.people.max} style={{ width: 72 }} />
      </Form.Item>
    </Space.Compact>
  );
}

/** Filters of the people list: name, status, category, gender, age, party age, org subtree. */
export function PeopleFilters({ query, onApply }: PeopleFiltersProps) {
  const [form] = Form.useForm<PeopleFilterValues>();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(query));
  }, [form, query]);

  const handleReset = () => {
    form.resetFields();
    onApply({});
  };

  return (
    <Form<PeopleFilterValues> form={form} layout="inline" onFinish={onApply} data-testid="people-filters">
      <Form.Item name="q" style={{ marginBottom: 8 }}>
        <Input
          placeholder={M.people.searchName}
          allowClear
          style={{ width: 160 }}
          data-testid="people-filter-q"
        />
      </Form.Item>
      <Form.Item name="status" style={{ marginBottom: 8 }}>
        <Select
          mode="multiple"
          options={statusOptions}
          placeholder={M.people.status}
          allowClear
          style={{ minWidth: 200 }}
          data-testid="people-filter-status"
        />
      </Form.Item>
      <Form.Item name="orgId" style={{ marginBottom: 8 }}>
        <OrgPicker placeholder={M.people.orgPicker} testId="people-filter-org" />
      </Form.Item>
      <Form.Item name="category" style={{ marginBottom: 8 }}>
        <Select options={categoryOptions} placeholder={M.people.category} allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="gender" style={{ marginBottom: 8 }}>
        <Select options={genderOptions} placeholder={M.people.gender} allowClear style={{ width: 90 }} />
      </Form.Item>
      <Form.Item label={M.people.ageRange} style={{ marginBottom: 8 }}>
        <Range min="ageMin" max="ageMax" />
      </Form.Item>
      <Form.Item label={M.people.partyAgeRange} style={{ marginBottom: 8 }}>
        <Range min="partyAgeMin" max="partyAgeMax" />
      </Form.Item>
      <Form.Item name="includeLeft" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{M.people.includeLeft}</Checkbox>
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="people-filter-submit">
            {M.common.search}
          </Button>
          <Button onClick={handleReset}>{M.common.reset}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
