/** Single-letter shortcuts must not fire while the reviewer types, holds a modifier, or works in a dialog or preview. */
export function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  return Boolean(
    target?.closest?.('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal, .ant-image-preview'),
  );
}
