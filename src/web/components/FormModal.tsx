import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  form: FormInstance<T>;
  onCancel: () => void;
  onFinish: (values: T) => void;
  loading?: boolean;
  /** Shown above the fields (server message or issues that match no field). */
  error?: unknown;
  onReload?: () => void;
  initialValues?: Partial<T>;
  okText?: ReactNode;
  width?: number;
  testId?: string;
  children: ReactNode;
}

/** A modal holding a vertical antd form; OK submits it. */
export function FormModal<T>(props: FormModalProps<T>) {
  const {
    title,
    open,
    form,
    onCancel,
    onFinish,
    loading,
    error,
    onReload,
    initialValues,
    okText,
    width,
    testId,
  } = props;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={loading}
      okText={okText}
      width={width}
      destroyOnHidden
      forceRender={false}
    >
      <ErrorAlert error={error} onReload={onReload} />
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        preserve={false}
        data-testid={testId}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
