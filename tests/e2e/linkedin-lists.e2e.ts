import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { launchForEachTest } from './fresh-session';
import { checkCentre } from '@/lib/page-ui/check-spot';

describe('LinkedIn beyond one profile', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves people ticked on a search page (beside a result, or in the pick list), adds contact details from a profile overlay, and company details from its page', async () => {
    const search = await session.openFixture('linkedin/search-people-2025.html');
    await search.widget.click('Save leads from this list');
    const offered = await search.widget.choices();
    expect(offered).toHaveLength(9);
    expect(offered.filter((choice) => choice.checked)).toEqual([]);
    // Beside the 2nd result (Leonie Braun), a checkbox drawn by the widget: the page sees only the widget's host there.
    // At the top of the screen, clear of the pick list floating bottom left.
    const spot = await search.evaluate(async () => {
      const card = document.querySelectorAll('main [data-chameleon-result-urn]')[1]!;
      card.scrollIntoView({ block: 'start' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const { left, top, width, height } = card.getBoundingClientRect();
      return { card: { left, top, width, height }, viewport: { width: innerWidth, height: innerHeight } };
    }, undefined);
    const { x, y } = checkCentre(spot.card, spot.viewport)!;
    // A page script's click at that spot (on what it can reach: the host) ticks nothing.
    const hit = await search.evaluate(({ x, y }) => {
      const element = document.elementFromPoint(x, y) as HTMLElement;
      element.click();
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
      return element.localName;
    }, { x, y });
    expect(hit).toBe('leadline-capture');
    expect((await search.widget.choices()).filter((choice) => choice.checked)).toEqual([]);
    // The rep's real click there ticks Leonie in the pick list too.
    await search.mouse.click(x, y);
    await expect.poll(async () => (await search.widget.choices()).filter((c) => c.checked).map((c) => c.label.split(' ').slice(0, 2).join(' '))).toEqual(['Leonie Braun']);
    await search.widget.check('Kwame Mensah');
    await search.widget.click('Save selected (2)');
    await expect.poll(() => search.widget.status()).toBe('2 saved.');
    expect((await session.storedRows('leads')).map((lead) => lead.fullName).sort()).toEqual(['Kwame Mensah', 'Leonie Braun']);

    const overlay = await session.openFixture('linkedin/contact-info-overlay.html');
    await expect.poll(() => overlay.widget.description()).toBe('Already in Leadline (stage: New)');
    await overlay.widget.click('Save lead');
    await expect.poll(() => overlay.widget.status()).toBe('Updated Kwame Mensah in Leadline');

    const company = await session.openFixture('linkedin/company-about-2025.html');
    await company.widget.click('Save company details');
    await expect.poll(() => company.widget.status()).toBe("Added Lumen Analytics's details to 2 leads.");

    const leads = await session.storedRows('leads');
    expect(leads).toHaveLength(2);
    const kwame = leads.find((lead) => lead.fullName === 'Kwame Mensah');
    expect(kwame).toMatchObject({ email: 'kwame.mensah@lumen-analytics.io', industry: 'Software Development', companySize: '201-500 employees' });
    expect(leads.find((lead) => lead.fullName === 'Leonie Braun')).toMatchObject({ industry: 'Software Development' });
  });
});
