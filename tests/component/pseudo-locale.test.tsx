import { render, waitFor } from '@testing-library/react';
import { App } from '@/components/App';
import { FullPageApp } from '@/components/FullPageApp';
import type { LeadlineDatabase } from '@/lib/db/database';
import { saveOrMergeProspect, setStage } from '@/lib/db/leads';
import { addReminder } from '@/lib/db/reminders';
import type { Lead } from '@/lib/model/lead';
import { useFreshDatabase } from '../fake-database';
import { chromeMessages, withMessages, type ChromeMessages } from '../locale-messages';
import { PLAIN_WORD, PROPER_NAMES, pseudoMessages } from '../pseudo-locale';
import { DAY, HOUR, NOW, linkedInDraft } from './popup-data';

/**
 * Every view rendered in a pseudo locale ("[Šàṽé ļéàð···]"): any plain English left on screen was
 * written into the code instead of the locale files. The UI language is German, so dates and
 * numbers come out as digits ("07.03.2025, 10:30") and only words are left to check.
 */
const database = useFreshDatabase();
let pseudo: ChromeMessages;
beforeAll(async () => {
  pseudo = pseudoMessages(await chromeMessages('en'));
});

/** Three leads as a rep would have them: a follow-up due today, a qualified one, one from Gmail with its subject. */
async function storeFixtureLeads(db: LeadlineDatabase): Promise<Lead[]> {
  const ana = (await saveOrMergeProspect(db, linkedInDraft('Ana', 'Bell', { title: 'Head of Sales', company: 'Northwind Traders', location: 'Lisbon' }), NOW - 2 * DAY)).lead;
  const ravi = (await saveOrMergeProspect(db, linkedInDraft('Ravi', 'Menon', { title: 'CTO', company: 'Tailspin Toys' }), NOW - 5 * DAY)).lead;
  const grace = (
    await saveOrMergeProspect(
      db,
      { source: 'gmail', fullName: 'Grace Okafor', email: 'grace@contoso.example', company: 'Contoso', context: 'Pricing for 40 seats', confidence: 0.9 },
      NOW - DAY,
    )
  ).lead;
  await addReminder(db, { leadId: ana.id, dueAt: NOW - HOUR, note: 'Send the deck' }, NOW - DAY);
  await setStage(db, ravi.id, 'qualified', NOW - 3 * DAY);
  return [ana, ravi, grace];
}

/** What the leads themselves say (names, companies, notes, subjects): data, shown as it was written. */
async function fixtureWords(db: LeadlineDatabase): Promise<string[]> {
  const leads = await db.leads.toArray();
  const reminders = await db.reminders.toArray();
  const values = [
    ...leads.flatMap((lead) => [lead.fullName, lead.firstName, lead.lastName, lead.title, lead.company, lead.email, lead.location, lead.profileUrl, lead.sourceUrl]),
    ...reminders.map((reminder) => reminder.note),
    'Pricing for 40 seats',
    ...PROPER_NAMES,
  ];
  const whole = values.filter((value): value is string => Boolean(value));
  // A score reason may quote one word of the lead's title ("senior title (Head)"): each word of the data is data too.
  const words = whole.flatMap((value) => value.split(/[^A-Za-z]+/)).filter((word) => word.length > 1);
  return [...whole, ...words, ...INTL_WORDS].sort((a, b) => b.length - a.length);
}

const REGION_CODES = Array.from({ length: 26 * 26 }, (_, index) => String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26)));

/** Words Intl writes itself in the test's UI language (German): weekdays, months, today/tomorrow. They are translated, not English. */
const INTL_WORDS = (() => {
  const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2025, 2, 3 + day, 12)));
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2025, month, 15, 12)));
  const name = (date: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('de-DE', { ...options, timeZone: 'UTC' }).format(date);
  const relative = new Intl.RelativeTimeFormat('de-DE', { numeric: 'auto' });
  const currencies = new Intl.DisplayNames('de-DE', { type: 'currency' });
  const regions = new Intl.DisplayNames('de-DE', { type: 'region', fallback: 'none' });
  return [
    ...days.flatMap((date) => [name(date, { weekday: 'long' }), name(date, { weekday: 'short' })]),
    ...months.flatMap((date) => [name(date, { month: 'long' }), name(date, { month: 'short' })]),
    ...[-1, 0, 1, 2].map((days) => relative.format(days, 'day')),
    // The settings' and dashboard's choices of country and currency, named by Intl in German.
    ...Intl.supportedValuesOf('currency').map((code) => currencies.of(code) ?? ''),
    ...REGION_CODES.map((code) => regions.of(code) ?? ''),
    'Uhr',
  ].flatMap((word) => word.split(/[^\p{L}]+/u)).filter((word) => word.length > 1);
})();

/** Text nodes and accessible names with plain English in them, once data from the leads is taken out. */
function plainEnglish(root: HTMLElement, data: readonly string[]): string[] {
  const found = new Set<string>();
  const check = (text: string, where: string) => {
    let rest = text;
    for (const value of data) rest = rest.split(value).join(' ');
    if (PLAIN_WORD.test(rest)) found.add(`${where}: ${JSON.stringify(text.replace(/\s+/g, ' ').trim())}`);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Keys are shown as the browser names them (the welcome asks it for the rep's shortcut).
    if (!parent || parent.closest('style, script, [hidden], kbd')) continue;
    check(node.textContent ?? '', `<${parent.tagName.toLowerCase()}>`);
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = element.getAttribute(attribute);
      if (value) check(value, `<${element.tagName.toLowerCase()} ${attribute}>`);
    }
  }
  return [...found].sort();
}

/** Waits until live queries have filled the view: its text stops changing. */
async function settled(root: HTMLElement): Promise<void> {
  let last = '';
  await waitFor(
    () => {
      const now = root.textContent ?? '';
      const same = now === last && now.length > 0;
      last = now;
      if (!same) throw new Error('still drawing');
    },
    { interval: 60, timeout: 5_000 },
  );
}

type View = { name: string; show: (db: LeadlineDatabase, leads: Lead[]) => Promise<HTMLElement> };

const VIEWS: View[] = [
  { name: 'popup: Today', show: async (db) => render(<App db={db} now={() => NOW} />).container },
  {
    name: 'popup: All leads',
    show: async (db) => {
      const { container } = render(<App db={db} now={() => NOW} />);
      await settled(container);
      // The second view switch (by position: its name is what is being checked).
      container.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')[1]!.click();
      return container;
    },
  },
  { name: 'popup: a lead’s detail', show: async (db, [ana]) => render(<App db={db} now={() => NOW} initialLeadId={ana!.id} />).container },
  ...['welcome', 'leads', 'dashboard', 'data', 'settings'].map((tab) => ({
    name: `full page: ${tab}`,
    show: async (db: LeadlineDatabase) => {
      window.location.hash = `#${tab}`;
      return render(<FullPageApp db={db} now={() => NOW} />).container;
    },
  })),
];

describe('in a pseudo locale, no view shows plain English', () => {
  it.each(VIEWS.map((view) => [view.name, view] as const))('%s', async (_name, { show }) => {
    await withMessages(pseudo, 'de-DE', async () => {
      const db = database();
      const leads = await storeFixtureLeads(db);
      const root = await show(db, leads);
      await settled(root);
      const untranslated = plainEnglish(root, await fixtureWords(db));
      expect(untranslated, `Untranslated text on screen:\n${untranslated.join('\n')}\n`).toEqual([]);
    });
  });

  it('a lead’s activity log is fully translated', async () => {
    await withMessages(pseudo, 'de-DE', async () => {
      const db = database();
      const [ana] = await storeFixtureLeads(db);
      const { container } = render(<App db={db} now={() => NOW} initialLeadId={ana!.id} />);
      await waitFor(() => expect(container.querySelectorAll('ul.activity li').length).toBeGreaterThanOrEqual(2));
      const log = container.querySelector<HTMLElement>('ul.activity')!;
      expect(log.textContent).toContain('Send the deck');
      // The list's own aria-label belongs to the lead detail (another helper's view); its entries are checked here.
      const entries = [...log.querySelectorAll('li')].flatMap((entry) => plainEnglish(entry, ['Send the deck', ...PROPER_NAMES]));
      expect(entries).toEqual([]);
    });
  });
});
