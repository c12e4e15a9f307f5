import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { M } from '../../messages.ts';
import type { AttendanceRow } from './meetingForm.ts';

const W = M.meetingWork;

/**
 * Agenda rows (one flagged 第一议题, LIFE-013; at a 支委会 a 重大事项 with its speaking order, LIFE-016),
 * minutes and decisions.
 */
export function ContentSection() {
  const form = Form.useFormInstance();
  const tags: string[] = Form.useWatch('tags', form) ?? [];
  const attendance: AttendanceRow[] = Form.useWatch('attendance', { form, preserve: true }) ?? [];
  const agenda: { major?: boolean }[] = Form.useWatch('agenda', form) ?? [];
  const committee = tags.includes('committee_meeting');
  const present = attendance
    .filter((a) => a.status === 'present')
    .map((a) => ({ value: a.personId, label: a.name }));
  return (
    <>
      <Typography.Paragraph type="secondary">{W.firstTopicHint}</Typography.Paragraph>
      <Form.List
        name="agenda"
        rules={[
          {
            validator: async (_r, rows: { first_topic?: boolean }[] | undefined) => {
              if ((rows ?? []).filter((r) => r?.first_topic).length > 1) throw new Error(W.onlyOneFirstTopic);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="meeting-agenda">
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 8 }} wrap>
                <Form.Item name={[f.name, 'title']} style={{ margin: 0, minWidth: 260, flex: 1 }}>
                  <Input
                    placeholder={`${W.agendaTitle} ${i + 1}`}
                    maxLength={300}
                    data-testid="agenda-title"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'first_topic']} valuePropName="checked" style={{ margin: 0 }}>
                  <Checkbox data-testid="agenda-first">{W.firstTopic}</Checkbox>
                </Form.Item>
                {committee && (
                  <Form.Item name={[f.name, 'major']} valuePropName="checked" style={{ margin: 0 }}>
                    <Checkbox data-testid="agenda-major">{W.majorMatter}</Checkbox>
                  </Form.Item>
                )}
                <Button icon={<DeleteOutlined />} aria-label={W.remove} onClick={() => remove(f.name)} />
                {committee && agenda[f.name]?.major && (
                  <Form.Item
                    name={[f.name, 'speakers']}
                    label={W.speakers}
                    tooltip={W.speakersHint}
                    style={{ margin: 0, minWidth: 320 }}
                  >
                    <Select
                      mode="multiple"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={present}
                      placeholder={W.speakersHint}
                      data-testid="agenda-speakers"
                    />
                  </Form.Item>
                )}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
              {W.addAgenda}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
      <Form.Item name="minutes" label={W.minutes} style={{ marginTop: 16 }}>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 16 }}
          maxLength={20000}
          data-testid="meeting-minutes"
        />
      </Form.Item>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <Form.Item label={W.decisions}>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item name={f.name} style={{ margin: 0, minWidth: 260 }}>
                  <Input placeholder={`${W.decision} ${i + 1}`} maxLength={500} data-testid="decision" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={W.remove} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {W.addDecision}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}
