import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { inBrowserLanguage } from '../locale-messages';
import { formatsFor } from '@/lib/i18n/format';
import { logEntry, type ActivityEvent } from '@/lib/model/activity-event';
import type { Activity } from '@/lib/model/lead';
import { ActivityEntry } from '@/components/ActivityEntry';

const AT = Date.UTC(2026, 11, 1, 8, 5);
const stored = (event: ActivityEvent): Activity => ({ leadId: 'lead-1', at: AT, ...logEntry(event) });
const german = formatsFor('de-DE', 'Europe/Berlin');

describe('ActivityEntry', () => {
  it('on screen, says what happened and when, in the rep’s language and format', async () => {
    await inBrowserLanguage('de', 'de-DE', () => {
      render(<ActivityEntry activity={stored({ type: 'followUpDone' })} formats={german} locale="de-DE" />);
    });
    expect(screen.getByText('Wiedervorlage erledigt')).toBeTruthy();
    const time = screen.getByText('01.12.2026, 09:05');
    expect(time.getAttribute('datetime')).toBe('2026-12-01T08:05:00.000Z');
  });
});
