import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

type Props = {
  accept: string;
  capture?: 'user' | 'environment';
  /** Names the file input for assistive technology and tests ("上传主体证件"). */
  label: string;
  /** Extra attributes for the input, such as data-material="subject_certificate:subject". */
  inputProps?: Record<`data-${string}`, string>;
  onFile(file: File): void;
  children: ReactNode;
} & Pick<ButtonProps, 'icon' | 'loading' | 'type' | 'disabled' | 'size'>;

/** A button that opens the file chooser (or the camera on a phone); the native input stays out of sight. */
export function FilePicker({ accept, capture, label, inputProps, onFile, children, ...button }: Props) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        capture={capture}
        aria-label={label}
        style={{ display: 'none' }}
        {...inputProps}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared at once, so choosing the same file again still reports a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
