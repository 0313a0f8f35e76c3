// The dedicated Worker that writes an import's search words off the page (emitted by Vite's
// `?worker` import as a file of the extension).
import { serveDatabaseJob } from '../database-job';
import { searchWordsJob } from '../database-jobs';

serveDatabaseJob('search words', searchWordsJob);
