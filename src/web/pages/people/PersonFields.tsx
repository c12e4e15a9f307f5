import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { PersonCreateBody } from '../../../shared/contracts/people.contract.ts';
import { EDUCATIONS, GENDERS } from '../../../shared/enums.ts';
import { toIsoDate } from '../../lib/dates.ts';
import { zodRule } from '../../lib/zodRule.ts';
import { M } from '../../messages.ts';

/** Form values of the person fields shared by the create and edit forms. */
export interface PersonFieldValues {
  name: string;
  gender?: (typeof GENDERS)[number] | null;
  ethnicity?: string | null;
  birthDate?: Dayjs | null;
  education?: (typeof EDUCATIONS)[number] | null;
  title?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  flags?: string[];
}

export const PERSON_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'title',
  'phone',
  'idNumber',
  'flags',
] as const;

const genderOptions = GENDERS.map((g) => ({ value: g, label: g }));
const educationOptions = EDUCATIONS.map((e) => ({ value: e, label: e }));
const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Person field values as the API expects them ('' → null, dates as YYYY-MM-DD). */
export function personBody(v: PersonFieldValues) {
  return {
    name: v.name.trim(),
    gender: v.gender ?? null,
    ethnicity: blank(v.ethnicity),
    birthDate: toIsoDate(v.birthDate),
    education: v.education ?? null,
    title: blank(v.title),
    phone: blank(v.phone),
    idNumber: blank(v.idNumber)?.toUpperCase() ?? null,
    flags: v.flags ?? [],
  };
}

interface PersonFieldsProps {
  /** Placeholder of the ID number when the stored one is masked (leave empty to keep). */
  idPlaceholder?: string;
}

/** Name, gender, ethnicity, birth date, education, title, phone, ID number and flags. */
export function PersonFields({ idPlaceholder }: PersonFieldsProps) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="name"
          label={M.people.name}
          rules={[
            { required: true, whitespace: true, message: M.common.requiredField(M.people.name) },
            { max: 50 },
          ]}
        >
          <Input maxLength={50} data-testid="person-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="gender" label={M.people.gender}>
          <Select options={genderOptions} allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="idNumber"
          label={M.people.idNumber}
          rules={[{ len: 18, message: M.people.idLength }]}
        >
          <Input maxLength={18} placeholder={idPlaceholder} data-testid="person-id-number" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="birthDate" label={M.people.birthDate}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ethnicity" label={M.people.ethnicity}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="education" label={M.people.education}>
          <Select options={educationOptions} allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="title" label={M.people.jobTitle}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="phone"
          label={M.people.phone}
          rules={[zodRule(PersonCreateBody.shape.phone.unwrap().unwrap())]}
        >
          <Input maxLength={20} data-testid="person-phone" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="flags" label={M.people.flags}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
    </Row>
  );
}
