/**
 * Where a LinkedIn profile keeps its own actions (Message, Connect or Follow, More): the in-page
 * button sits right after "More". Found by the button's aria-label and by being in the same card
 * as the profile's name heading, never by LinkedIn's hashed class names, which change with each
 * release; the sticky header's copy of the buttons and other cards' "More" menus are left alone.
 */
const MORE = 'button[aria-label="More actions"]';

export function profileActionsAnchor(doc: Document): Element | null {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return null;
  for (const more of scope.querySelectorAll(MORE)) {
    const card = more.closest('section');
    if (card?.querySelector('h1, h2') && !more.closest('header, aside, nav, dialog, [role="dialog"]')) return more;
  }
  return null;
}
