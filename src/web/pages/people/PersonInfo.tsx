import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { PersonDetail } from '../../../shared/contracts/people.contract.ts';
import { useRevealIdNumber } from '../../api/usePeople.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fmtDate } from '../../lib/dates.ts';
import { M } from '../../messages.ts';

const orEmpty = (v: string | null) => v || M.common.none;

function IdNumber({ person }: { person: PersonDetail }) {
  const reveal = useRevealIdNumber(person.id);
  if (!person.idNumber) return <>{M.common.none}</>;
  if (reveal.data) return <span data-testid="person-id-full">{reveal.data.idNumber ?? M.common.none}</span>;
  return (
    <Space wrap>
      <span data-testid="person-id-masked">
        {person.idNumber}
        {person.idNumberMasked && <Typography.Text type="secondary">{M.people.masked}</Typography.Text>}
      </span>
      {person.idNumberMasked && person.canReadPii && (
        <Button
          size="small"
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          data-testid="person-id-reveal"
        >
          {M.people.revealId}
        </Button>
      )}
      {reveal.isError && <ErrorAlert error={reveal.error} />}
    </Space>
  );
}

/** 基本信息 of a person (ID number masked unless revealed). */
export function PersonInfo({ person }: { person: PersonDetail }) {
  return (
    <Card title={M.people.basicInfo} size="small" data-testid="person-info">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'name', label: M.people.name, children: person.name },
          { key: 'gender', label: M.people.gender, children: orEmpty(person.gender) },
          { key: 'birth', label: M.people.birthDate, children: fmtDate(person.birthDate) },
          { key: 'eth', label: M.people.ethnicity, children: orEmpty(person.ethnicity) },
          { key: 'edu', label: M.people.education, children: orEmpty(person.education) },
          { key: 'title', label: M.people.jobTitle, children: orEmpty(person.title) },
          { key: 'phone', label: M.people.phone, children: orEmpty(person.phone) },
          { key: 'id', label: M.people.idNumber, children: <IdNumber person={person} />, span: 2 },
          {
            key: 'flags',
            label: M.people.flags,
            children: person.flags.length ? person.flags.map((f) => <Tag key={f}>{f}</Tag>) : M.common.none,
          },
        ]}
      />
    </Card>
  );
}
