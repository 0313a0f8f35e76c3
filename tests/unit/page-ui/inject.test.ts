import { describe, expect, it, vi } from 'vitest';
import { describeCapture, injectPageCapture, PAGE_CAPTURE_SCRIPT } from '@/lib/page-ui/inject';

describe('capturing the page the rep pointed at (popup, context menu, shortcut)', () => {
  it('injects the page-capture script into that tab and reports what it found', async () => {
    const order: string[] = [];
    const runScript = vi.fn(async () => {
      order.push('script');
      return [{ result: { found: 3, from: 'page' } }];
    });
    const outcome = await injectPageCapture(runScript, 42, async (tabId) => void order.push(`grant ${tabId}`));
    expect(runScript).toHaveBeenCalledWith(42, [PAGE_CAPTURE_SCRIPT]);
    // The tab may save before the script runs: a page with one person saves at once.
    expect(order).toEqual(['grant 42', 'script']);
    expect(outcome).toEqual({ ok: true, result: { found: 3, from: 'page' } });
    expect(describeCapture({ found: 3, from: 'page' })).toBe(
      'Found 3 people on this page: choose who to save in the Leadline panel on the page.',
    );
  });

  it('explains in plain words when the browser refuses (a chrome:// page, the extension store)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const runScript = vi.fn().mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await injectPageCapture(runScript, 7, async () => undefined)).toEqual({
      ok: false,
      error: "Leadline can't read this page. Browser pages, the extension store and some protected sites don't allow it.",
    });
  });

  it('says there is nothing to capture without a tab', async () => {
    const runScript = vi.fn();
    const grant = vi.fn();
    expect(await injectPageCapture(runScript, undefined, grant)).toEqual({ ok: false, error: 'There is no page to capture in this window.' });
    expect(runScript).not.toHaveBeenCalled();
    expect(grant).not.toHaveBeenCalled();
  });

  it('says no prospect was found when the page has none', () => {
    expect(describeCapture({ found: 0, from: 'page' })).toBe('No prospect found on this page.');
  });
});
