// The dedicated Worker that builds a backup off the page (emitted by Vite's `?worker` import as a
// file of the extension). It opens the same IndexedDB database the page uses.
import { serveDatabaseJob } from '../database-job';
import { backupJob } from '../database-jobs';

serveDatabaseJob('backup', backupJob);
