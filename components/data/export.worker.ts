// The dedicated Worker that reads the leads in scope and writes the export file off the page
// (emitted by Vite's `?worker` import as a file of the extension).
import { serveDatabaseJob } from '../database-job';
import { exportJob } from '../database-jobs';

serveDatabaseJob('export', exportJob);
