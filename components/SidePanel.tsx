import { useEffect, useState } from 'react';
import { App, type ActivePage, type AppProps } from './App';

export interface SidePanelProps extends Omit<AppProps, 'mode' | 'page' | 'capturePage' | 'openSidePanel'> {
  /** Follows the page in the active tab (lib/messaging/active-page.ts); returns a function that stops. */
  watchPage: (onPage: (page: ActivePage | undefined) => void) => () => void;
}

/** The side panel: the popup's app, staying open beside the page and following it. */
export function SidePanel({ watchPage, ...props }: SidePanelProps) {
  const [page, setPage] = useState<ActivePage | undefined>(undefined);
  useEffect(() => watchPage(setPage), [watchPage]);
  return <App {...props} mode="panel" page={page} />;
}
