import { DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Finding } from '../api/client.ts';
import { useI18n } from '../lang.tsx';
import { getAt } from './paths.ts';

/** `isAttempted`: the user tried to leave this step, so empty required fields are flagged too. */
export type FieldContext = {
  draft: Record<string, unknown>;
  findings: Finding[];
  isAttempted: boolean;
  isReadOnly: boolean;
  update(path: string, value: unknown): void;
};

export const fieldId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;

/** Findings for `path` itself, its sub-fields, and the extra paths a field also answers for. */
export function findingsFor(findings: Finding[], path: string, also: string[] = []): Finding[] {
  return findings.filter(
    (f) => f.path === path || f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`) || also.includes(f.path),
  );
}

type Props = {
  ctx: FieldContext;
  path: string;
  label: ReactNode;
  placeholder?: string;
  options?: SelectProps['options'];
  isMultiple?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel' | 'textarea';
  hint?: ReactNode;
  isRequired?: boolean;
  /** Findings the pre-check reports on a parent path that this field is the place to fix (e.g. a domain as a whole). */
  also?: string[];
  autoComplete?: string;
  /** Shown but not editable here (e.g. a filed website's domain, which a change may not replace). */
  isLocked?: boolean;
  /** A control beside the input that fills it (e.g. a picker of issued service codes); it wraps below on a phone. */
  addon?: ReactNode;
};

/** One draft field with the pre-check's findings for its path shown in place, under the input. */
export function Field(props: Props) {
  const { pick } = useI18n();
  const { ctx, path } = props;
  const value = getAt(ctx.draft, path);
  // A first-time filer is not greeted by a page of red: an empty field is flagged once they try to move on.
  const isFilled = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
  const mine = ctx.isAttempted || isFilled ? findingsFor(ctx.findings, path, props.also) : [];
  const severity = mine.some((f) => f.severity === 'error')
    ? 'error'
    : mine.some((f) => f.severity === 'warning')
      ? 'warning'
      : undefined;
  const id = fieldId(path);
  const help = mine.length ? (
    <div role={severity === 'error' ? 'alert' : undefined}>
      {mine.map((f) => (
        <div key={f.code + f.path + f.message.en} data-finding={f.code}>
          {pick(f.message)}
        </div>
      ))}
    </div>
  ) : (
    props.hint
  );
  const common = {
    id,
    disabled: ctx.isReadOnly || props.isLocked,
    'aria-invalid': severity === 'error' || undefined,
    placeholder: props.placeholder,
  };
  const input = props.options ? (
    <Select
      {...common}
      mode={props.isMultiple ? 'multiple' : undefined}
      value={(value as string | string[] | undefined) ?? (props.isMultiple ? [] : undefined)}
      options={props.options}
      onChange={(v) => ctx.update(path, v)}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
    />
  ) : props.type === 'date' ? (
    <DateInput
      id={id}
      disabled={ctx.isReadOnly}
      value={value as string | undefined}
      onChange={(v) => ctx.update(path, v)}
    />
  ) : props.type === 'textarea' ? (
    <Input.TextArea
      {...common}
      value={(value as string | undefined) ?? ''}
      onChange={(e) => ctx.update(path, e.target.value)}
      autoSize={{ minRows: 2, maxRows: 6 }}
    />
  ) : (
    <Input
      {...common}
      type={props.type === 'email' || props.type === 'tel' ? props.type : 'text'}
      value={(value as string | undefined) ?? ''}
      autoComplete={props.autoComplete}
      onChange={(e) => ctx.update(path, e.target.value)}
    />
  );
  return (
    <Form.Item label={props.label} htmlFor={id} required={props.isRequired} validateStatus={severity} help={help}>
      {props.addon ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>{input}</div>
          {props.addon}
        </div>
      ) : (
        input
      )}
    </Form.Item>
  );
}

/**
 * A date as the draft keeps it (YYYY-MM-DD), picked with the console's own calendar so it reads the same in every
 * browser and language; typing the date works too.
 */
export function DateInput({
  id,
  value,
  disabled,
  onChange,
}: {
  id?: string;
  value: string | undefined;
  disabled?: boolean;
  onChange(value: string): void;
}) {
  return (
    <DatePicker
      id={id}
      disabled={disabled}
      value={value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? dayjs(value) : null}
      format="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      style={{ width: '100%' }}
      onChange={(_, text) => onChange(typeof text === 'string' ? text : '')}
    />
  );
}
