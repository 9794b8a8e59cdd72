import { useEffect } from 'react';

const SCROLL_BOXES = '.ant-table-content, .ant-table-body';

/**
 * A table wider than the screen scrolls sideways; a keyboard user can only scroll what can take focus (WCAG 2.1.1).
 * antd renders the scroll box itself, so the console marks each one that overflows as a focusable, named region.
 */
export function useScrollableTablesFocusable(label: string): void {
  useEffect(() => {
    const mark = () => {
      for (const box of document.querySelectorAll<HTMLElement>(SCROLL_BOXES)) {
        const overflows = box.scrollWidth > box.clientWidth + 1;
        if (overflows && !box.hasAttribute('tabindex')) {
          box.tabIndex = 0;
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', label);
        } else if (!overflows && box.getAttribute('role') === 'region') {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      }
    };
    // Typing in the wizard changes the DOM on every key: look at the tables once per frame, not once per change.
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        mark();
      });
    };
    mark();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [label]);
}
