import { useEffect } from 'react';

/** Sets the tab title, so each screen is identified by assistive tech and in history. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} - Coulisses Crew` : 'Coulisses Crew';
  }, [title]);
}
