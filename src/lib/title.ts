import { useEffect } from 'react';

const appTitle = 'Triage Console';

/** "(3) Triage Console": the count of pending work in front, where a browser tab shows it. */
export function titleWithCount(count: number, base = appTitle): string {
  return count > 0 ? `(${count}) ${base}` : base;
}

/** Sets the document title while the calling component is mounted and puts the previous one back after. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
