import { describe, expect, it } from 'vitest';
import { openFixture, storedLeads, type Session } from './harness';
import { launchForEachTest } from './fresh-session';

describe('LinkedIn beyond one profile', () => {
  let session: Session;
  launchForEachTest((launched) => (session = launched));

  it('saves people ticked on a search page, adds contact details from a profile overlay, and company details from its page', async () => {
    const search = await openFixture(session, 'linkedin/search-people-2025.html');
    const panel = search.locator('leadline-capture');
    await panel.getByRole('button', { name: 'Save leads from this list' }).click();
    expect(await panel.getByRole('checkbox').count()).toBe(9);
    expect(await panel.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await panel.getByRole('checkbox', { name: /Kwame Mensah/ }).check();
    await panel.getByRole('checkbox', { name: /Leonie Braun/ }).check();
    await panel.getByRole('button', { name: 'Save selected (2)' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('2 saved.');
    expect((await storedLeads(session)).map((lead) => lead.fullName).sort()).toEqual(['Kwame Mensah', 'Leonie Braun']);

    const overlay = await openFixture(session, 'linkedin/contact-info-overlay.html');
    const button = overlay.locator('leadline-capture');
    await expect.poll(() => button.getByRole('status').textContent()).toBe('Already in Leadline (stage: New)');
    await button.getByRole('button', { name: 'Save lead' }).click();
    await expect.poll(() => button.getByRole('status').textContent()).toBe('Updated Kwame Mensah in Leadline');

    const company = await openFixture(session, 'linkedin/company-about-2025.html');
    const companyButton = company.locator('leadline-capture');
    await companyButton.getByRole('button', { name: 'Save company details' }).click();
    await expect.poll(() => companyButton.getByRole('status').textContent()).toBe("Added Lumen Analytics's details to 2 leads.");

    const leads = await storedLeads(session);
    expect(leads).toHaveLength(2);
    const kwame = leads.find((lead) => lead.fullName === 'Kwame Mensah');
    expect(kwame).toMatchObject({ email: 'kwame.mensah@lumen-analytics.io', industry: 'Software Development', companySize: '201-500 employees' });
    expect(leads.find((lead) => lead.fullName === 'Leonie Braun')).toMatchObject({ industry: 'Software Development' });
  });
});
