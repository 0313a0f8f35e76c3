// The dedicated Worker that reads every lead's table row off the page (emitted by Vite's `?worker`
// import as a file of the extension).
import { serveDatabaseJob } from '../database-job';
import { leadRowsJob } from '../database-jobs';

serveDatabaseJob('lead rows', leadRowsJob);
