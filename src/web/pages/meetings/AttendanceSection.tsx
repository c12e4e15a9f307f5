import { Alert, Form, Input, Radio, Space, Typography } from 'antd';
import { ATTENDANCE_STATUS_LABEL, ATTENDANCE_STATUSES } from '../../../shared/enums.ts';
import { M } from '../../messages.ts';
import type { AttendanceRow, MeetingFormValues } from './meetingForm.ts';

const W = M.meetingWork;
const statusOptions = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABEL[s] }));

/** One line per expected person: present / absent / leave, with a reason when not present. */
export function AttendanceSection({ loading }: { loading: boolean }) {
  const form = Form.useFormInstance<MeetingFormValues>();
  const rows: AttendanceRow[] = Form.useWatch('attendance', { form, preserve: true }) ?? [];
  const present = rows.filter((r) => r.status === 'present').length;
  return (
    <div data-testid="meeting-attendance">
      <Typography.Paragraph type="secondary">
        {W.rosterHint} {rows.length > 0 && <strong>{W.presentCount(present)}</strong>}
      </Typography.Paragraph>
      {!loading && rows.length === 0 && (
        <Alert type="info" title={W.rosterEmpty} style={{ marginBottom: 12 }} />
      )}
      <Form.List name="attendance">
        {(fields) =>
          fields.map((f) => {
            const row = rows[f.name];
            return (
              <div
                key={f.key}
                data-testid="attendance-row"
                style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}
              >
                <Space wrap align="center" style={{ width: '100%' }}>
                  <span style={{ display: 'inline-block', minWidth: 72 }}>{row?.name}</span>
                  <Form.Item name={[f.name, 'status']} noStyle>
                    <Radio.Group
                      options={statusOptions}
                      optionType="button"
                      buttonStyle="solid"
                      size="small"
                    />
                  </Form.Item>
                  {row && row.status !== 'present' && (
                    <Form.Item
                      name={[f.name, 'reason']}
                      rules={[{ required: true, whitespace: true, message: W.reasonRequired }]}
                      style={{ margin: 0 }}
                    >
                      <Input placeholder={W.reason} maxLength={200} style={{ width: 220 }} />
                    </Form.Item>
                  )}
                </Space>
              </div>
            );
          })
        }
      </Form.List>
    </div>
  );
}
