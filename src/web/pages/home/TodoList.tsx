import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { TodoItem } from '../../../shared/contracts/calendar.contract.ts';
import { useTodos } from '../../api/useCalendar.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const KIND_COLOR: Record<string, string> = {
  meeting_due: 'red',
  record_missing: 'volcano',
  draft_unsubmitted: 'orange',
  record_returned: 'magenta',
  review_waiting: 'blue',
  upcoming_meeting: 'green',
};

function TodoRow({ item, today }: { item: TodoItem; today: string }) {
  const overdue = item.kind !== 'upcoming_meeting' && item.dueDate < today;
  return (
    <List.Item
      data-testid="todo-item"
      data-kind={item.kind}
      actions={[
        <Link key="go" to={item.link}>
          {M.home.go}
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <Tag color={KIND_COLOR[item.kind]}>{M.home.todoKinds[item.kind] ?? item.kind}</Tag>
            <span>{item.title}</span>
            {item.ruleId && <Tag>{item.ruleId}</Tag>}
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            <span className={overdue ? 'zb-overdue' : undefined}>
              {overdue ? M.home.overdue : M.home.due} {fmtDate(item.dueDate)}
            </span>
            {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
          </Space>
        }
      />
    </List.Item>
  );
}

/** 待办: what the caller should do next, soonest first, each with a link to act on it. */
export function TodoList() {
  const q = useTodos();
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Card size="small" title={M.home.todos} data-testid="todo-list">
      <ErrorAlert error={q.error} />
      <List<TodoItem>
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={M.home.todosEmpty} /> }}
        renderItem={(item) => <TodoRow item={item} today={today} />}
        pagination={(q.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
      />
      {!!q.data?.more && <Typography.Text type="secondary">{M.home.todosMore(q.data.more)}</Typography.Text>}
    </Card>
  );
}
