import { describe, expect, it } from 'vitest';
import { fixturePages } from '../fixture-pages';
import { linkedInSite } from '@/lib/capture/linkedin/site';
import { gmailSite } from '@/lib/capture/email/gmail-site';
import { outlookSite } from '@/lib/capture/email/outlook-site';
import { choosePlacement, parseCssColor, relativeLuminance, schemeOf } from '@/lib/page-ui/placement';
import { WIDGET_COLOURS } from '@/lib/page-ui/save-button';

const linkedin = fixturePages('linkedin');
const outlook = fixturePages('outlook');
const gmail = fixturePages('gmail');

describe('where the widget goes', () => {
  it('sits beside the page’s own actions when the site found them', () => {
    const { doc, url } = linkedin.load('profile-2025');
    const anchor = linkedInSite.anchor!(doc, url);
    expect(choosePlacement(anchor, 'top-right')).toEqual({ kind: 'beside', anchor });
  });

  it('floats in the rep’s corner when the page has nothing to sit beside', () => {
    expect(choosePlacement(null, 'bottom-left')).toEqual({ kind: 'corner', corner: 'bottom-left' });
  });

  it('floats while a modal covers the actions (LinkedIn’s contact-info overlay hides the profile from assistive technology)', () => {
    const { doc, url } = linkedin.load('contact-info-overlay');
    const anchor = linkedInSite.anchor!(doc, url);
    expect(anchor?.getAttribute('aria-label')).toBe('More actions');
    expect(choosePlacement(anchor, 'bottom-left')).toEqual({ kind: 'corner', corner: 'bottom-left' });
  });

  it('floats when the actions it found were taken off the page since', () => {
    const detached = document.createElement('button');
    expect(choosePlacement(detached, 'top-left')).toEqual({ kind: 'corner', corner: 'top-left' });
  });
});

describe('what the widget sits beside, found without hashed class names', () => {
  it('on a LinkedIn profile (2025 and 2021 markup): right after the top card’s More button', () => {
    for (const name of ['profile-2025', 'profile-2021']) {
      const { doc, url } = linkedin.load(name);
      const anchor = linkedInSite.anchor!(doc, url);
      expect(anchor?.getAttribute('aria-label')).toBe('More actions');
      // The same card as the person's name, not another card's menu.
      expect(anchor?.closest('section')?.querySelector('h1')?.textContent).toMatch(/García-López|van der Berg/);
    }
  });

  it('on LinkedIn pages that are not a profile (a company, a search, the feed): nothing, so the corner', () => {
    for (const name of ['company-about-2025', 'search-people-2025', 'feed-no-profile']) {
      const { doc, url } = linkedin.load(name);
      expect(linkedInSite.anchor!(doc, url)).toBeNull();
    }
  });

  it('in Outlook: the open message’s own toolbar (Reply, Reply all, Forward)', () => {
    const { doc, url } = outlook.load('office-reading-pane');
    const toolbar = outlookSite.anchor!(doc, url);
    expect(toolbar?.getAttribute('role')).toBe('toolbar');
    expect([...toolbar!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toContain('Reply all');
  });

  it('in Gmail: the open thread’s toolbar ([gh="mtb"]), not the toolbar of a view Gmail keeps hidden', () => {
    const { doc, url } = gmail.load('thread-reply-with-quote');
    expect(doc.querySelectorAll('[gh="mtb"]')).toHaveLength(3);
    const toolbar = gmailSite.anchor!(doc, url);
    expect(toolbar?.getAttribute('gh')).toBe('mtb');
    expect([...toolbar!.querySelectorAll('[role="button"]')].map((b) => b.getAttribute('aria-label'))).toContain('Back to Inbox');
    // The same view as the thread the widget saves from.
    expect(toolbar!.closest('.nH.if, [role="main"] > .nH')?.querySelector('h2.hP')?.textContent).toBe('Re: Pricing for 40 seats');
    expect(choosePlacement(toolbar, 'bottom-left')).toEqual({ kind: 'beside', anchor: toolbar });
  });

  it('in Gmail without the thread toolbar’s stable attribute: nothing, so the corner', () => {
    const { doc, url } = gmail.load('thread-multiple-people');
    expect(gmailSite.anchor!(doc, url)).toBeNull();
  });
});

describe('the page’s light or dark scheme', () => {
  it('reads computed colours in both syntaxes', () => {
    expect(parseCssColor('rgb(27, 31, 35)')).toEqual({ r: 27, g: 31, b: 35, a: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseCssColor('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseCssColor('transparent')).toBeUndefined();
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
  });

  it('follows a page painted dark (LinkedIn’s and Gmail’s dark themes) even on a light system', () => {
    expect(schemeOf({ backgrounds: ['rgb(27, 31, 35)', 'rgba(0, 0, 0, 0)'], colorScheme: 'normal', prefersDark: false })).toBe('dark');
  });

  it('follows a page painted light even on a dark system', () => {
    expect(schemeOf({ backgrounds: ['rgba(0, 0, 0, 0)', 'rgb(244, 242, 238)'], colorScheme: 'normal', prefersDark: true })).toBe('light');
  });

  it('without a painted background: the scheme the page declares, else the system’s', () => {
    const clear = ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'];
    expect(schemeOf({ backgrounds: clear, colorScheme: 'dark', prefersDark: false })).toBe('dark');
    expect(schemeOf({ backgrounds: clear, colorScheme: 'light', prefersDark: true })).toBe('light');
    expect(schemeOf({ backgrounds: clear, colorScheme: 'light dark', prefersDark: true })).toBe('dark');
    expect(schemeOf({ backgrounds: clear, colorScheme: 'normal', prefersDark: false })).toBe('light');
  });
});

describe('the widget’s colours in both schemes', () => {
  const rgb = (hex: string) => ({ r: parseInt(hex.slice(1, 3), 16), g: parseInt(hex.slice(3, 5), 16), b: parseInt(hex.slice(5, 7), 16) });
  const contrast = (a: string, b: string) => {
    const [light, dark] = [relativeLuminance(rgb(a)), relativeLuminance(rgb(b))].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  // Each text colour on the background it is drawn on.
  const PAIRS = [
    ['fg', 'bg'],
    ['muted', 'bg'],
    ['link', 'bg'],
    ['link', 'soft-hover'],
    ['on-accent', 'accent'],
    ['on-accent', 'accent-hover'],
    ['on-accent', 'done'],
    ['error-fg', 'error-bg'],
    ['off-fg', 'off-bg'],
  ] as const;

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every text at 4.5:1 or more on its background in the ${scheme} scheme`, () => {
      const colours = WIDGET_COLOURS[scheme];
      const weak = PAIRS.map(([text, background]) => ({ text, background, ratio: contrast(colours[text], colours[background]) })).filter(
        ({ ratio }) => ratio < 4.5,
      );
      expect(weak).toEqual([]);
    });
  }
});
