/**
 * Calls `onChange` when a single-page app moves to another URL. No polling: the Navigation API where
 * the browser has it, `popstate`, and a MutationObserver scoped to `<title>` (LinkedIn, Gmail and
 * Outlook all retitle the page on navigation) so ordinary page mutations cost nothing.
 */
export function watchNavigation(win: Window, onChange: (url: URL) => void): () => void {
  let last = win.location.href;
  const check = () => {
    if (win.location.href === last) return;
    last = win.location.href;
    onChange(new URL(last));
  };
  const cleanups: Array<() => void> = [];

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', check);
    cleanups.push(() => navigation.removeEventListener('navigatesuccess', check));
  }
  win.addEventListener('popstate', check);
  cleanups.push(() => win.removeEventListener('popstate', check));

  const head = win.document.head;
  if (head) {
    // The <title> element itself can be replaced, so watch the head's children and the current title's text.
    let watchedTitle: Element | null = null;
    const observeTitle = () => {
      const title = head.querySelector('title');
      if (!title || title === watchedTitle) return;
      watchedTitle = title;
      observer.observe(title, { childList: true, characterData: true, subtree: true });
    };
    const observer = new MutationObserver(() => {
      observeTitle();
      check();
    });
    observer.observe(head, { childList: true });
    observeTitle();
    cleanups.push(() => observer.disconnect());
  }
  return () => cleanups.forEach((cleanup) => cleanup());
}
