import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('LinkedIn beyond one profile', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves people ticked on a search page, adds contact details from a profile overlay, and company details from its page', async () => {
    const search = await session.openFixture('linkedin/search-people-2025.html');
    await search.widget.click('Save leads from this list');
    const offered = await search.widget.choices();
    expect(offered).toHaveLength(9);
    expect(offered.filter((choice) => choice.checked)).toEqual([]);
    await search.widget.check('Kwame Mensah');
    await search.widget.check('Leonie Braun');
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
