import { App, Form } from 'antd';
import type { PersonDetail } from '../../../shared/contracts/people.contract.ts';
import { EDUCATIONS, GENDERS } from '../../../shared/enums.ts';
import { useUpdatePerson } from '../../api/usePeople.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fromIsoDate } from '../../lib/dates.ts';
import { useFormError } from '../../lib/formErrors.ts';
import { M } from '../../messages.ts';
import { PERSON_FIELDS, PersonFields, type PersonFieldValues, personBody } from './PersonFields.tsx';

interface PersonEditModalProps {
  person: PersonDetail;
  onClose: () => void;
  onReload: () => void;
}

/** 编辑: the person's own fields (status changes go through StatusChangeModal). */
export function PersonEditModal({ person, onClose, onReload }: PersonEditModalProps) {
  const [form] = Form.useForm<PersonFieldValues>();
  const { message } = App.useApp();
  const update = useUpdatePerson(person.id);
  const { error, handleError, clearError } = useFormError(form, PERSON_FIELDS);

  const handleFinish = (v: PersonFieldValues) => {
    clearError();
    const { idNumber, ...rest } = personBody(v);
    // A masked ID number is never sent back: only a newly typed one replaces it.
    const body = {
      version: person.version,
      ...rest,
      ...(person.idNumberMasked && !idNumber ? {} : { idNumber }),
    };
    update.mutate(body, {
      onSuccess: () => {
        message.success(M.people.updated);
        onClose();
      },
      onError: handleError,
    });
  };

  const initialValues: PersonFieldValues = {
    name: person.name,
    gender: GENDERS.find((g) => g === person.gender) ?? null,
    ethnicity: person.ethnicity,
    birthDate: fromIsoDate(person.birthDate),
    education: EDUCATIONS.find((e) => e === person.education) ?? null,
    title: person.title,
    phone: person.phone,
    idNumber: person.idNumberMasked ? null : person.idNumber,
    flags: person.flags,
  };

  return (
    <FormModal<PersonFieldValues>
      title={M.people.editTitle}
      open
      width={720}
      form={form}
      onCancel={onClose}
      onFinish={handleFinish}
      loading={update.isPending}
      error={error}
      onReload={() => {
        clearError();
        onReload();
      }}
      initialValues={initialValues}
      testId="person-edit-form"
    >
      <PersonFields
        idPlaceholder={person.idNumberMasked ? `${person.idNumber ?? ''}${M.people.keepMasked}` : undefined}
      />
    </FormModal>
  );
}
