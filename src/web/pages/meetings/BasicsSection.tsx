import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { MEETING_TAG_LABEL, MEETING_TAGS } from '../../../shared/enums.ts';
import { M } from '../../messages.ts';
import type { MeetingFormValues } from './meetingForm.ts';

const W = M.meetingWork;
const tagOptions = MEETING_TAGS.map((t) => ({ value: t, label: MEETING_TAG_LABEL[t] }));

/** Type, topic, time, place, host, recorder, lecturer and expected count of a record. */
export function BasicsSection({ people }: { people: { value: string; label: string }[] }) {
  const form = Form.useFormInstance<MeetingFormValues>();
  const tags = Form.useWatch('tags', form) ?? [];
  const person = (name: 'hostId' | 'recorderId' | 'lecturerId', label: string, testId: string) => (
    <Form.Item name={name} label={label}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={people}
        placeholder={M.common.requiredSelect(label)}
        data-testid={testId}
      />
    </Form.Item>
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="tags"
          label={W.tags}
          rules={[{ required: true, message: M.common.requiredSelect(W.tags) }]}
        >
          <Select
            mode="multiple"
            options={tagOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="meeting-tags"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="topic" label={W.topic}>
          <Input maxLength={200} data-testid="meeting-topic" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="heldAt"
          label={W.heldAt}
          rules={[{ required: true, message: M.common.requiredSelect(W.heldAt) }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="meeting-held-at"
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="endedAt"
          label={W.endedAt}
          dependencies={['heldAt']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v) => {
                const from = getFieldValue('heldAt');
                if (v && from && !v.isAfter(from)) throw new Error(`${W.endedAt}应晚于${W.heldAt}`);
              },
            }),
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="meeting-ended-at"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="place" label={W.place}>
          <Input maxLength={100} data-testid="meeting-place" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        {person('hostId', W.host, 'meeting-host')}
      </Col>
      <Col xs={12} md={6}>
        {person('recorderId', W.recorder, 'meeting-recorder')}
      </Col>
      {tags.includes('party_lecture') && (
        <Col xs={24} md={12}>
          {person('lecturerId', W.lecturer, 'meeting-lecturer')}
        </Col>
      )}
      <Col xs={12} md={6}>
        <Form.Item name="expected" label={W.expected}>
          <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="meeting-expected" />
        </Form.Item>
      </Col>
    </Row>
  );
}
