import type { LeadlineDatabase } from '@/lib/db/database';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import './data.css';

/** The "Import & export" tab: leads out as CSV or vCard, a whole-database backup and restore, leads in from CSV. */
export function DataView({ db, now, onRemindersChanged }: { db: LeadlineDatabase; now: () => number; onRemindersChanged?: () => void }) {
  return (
    <div className="data-view">
      <ExportSection db={db} now={now} />
      <ImportSection db={db} now={now} />
      <BackupSection db={db} now={now} {...(onRemindersChanged ? { onRemindersChanged } : {})} />
    </div>
  );
}
