import { describeStorageError } from '@/lib/db/errors';

/**
 * Runs a write and reports how it went: '' when it worked, otherwise the failure in words a rep can
 * read (the details go to the console). Resolves to whether the write worked.
 */
export async function saveWithReport(action: () => Promise<unknown>, report: (error: string) => void): Promise<boolean> {
  try {
    await action();
    report('');
    return true;
  } catch (error) {
    console.error(error);
    report(describeStorageError(error));
    return false;
  }
}
