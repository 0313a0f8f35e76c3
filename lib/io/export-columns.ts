import type { Framework } from '@/lib/model/framework';
import type { Lead } from '@/lib/model/lead';
import { sourceEnglish } from '@/lib/model/prospect';
import { isQualified } from '@/lib/model/qualified';
import { stageEnglish } from '@/lib/model/stage';
import { getFramework } from '@/lib/qualify/frameworks';
import { checklistProgress, type ChecklistProgress } from '@/lib/qualify/progress';

/** What a column may need beyond the lead itself, worked out once per lead. */
export interface ExportContext {
  framework: Framework;
  progress: ChecklistProgress;
}

export interface ExportColumn {
  header: string;
  value: (lead: Lead, ctx: ExportContext) => string;
}

export function exportContext(lead: Lead): ExportContext {
  const framework = getFramework(lead.checklist.frameworkId);
  return { framework, progress: checklistProgress(framework, lead.checklist) };
}

const isoDate = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

/** The generic preset: every field a rep is likely to want in a spreadsheet or a CRM import. */
export const GENERIC_COLUMNS: readonly ExportColumn[] = [
  { header: 'First Name', value: (lead) => lead.firstName ?? '' },
  { header: 'Last Name', value: (lead) => lead.lastName ?? '' },
  { header: 'Full Name', value: (lead) => lead.fullName },
  // Without a known position, a LinkedIn headline is the best title a CRM can get.
  { header: 'Title', value: (lead) => lead.title ?? lead.headline ?? '' },
  { header: 'Company', value: (lead) => lead.company ?? '' },
  { header: 'Email', value: (lead) => lead.email ?? '' },
  { header: 'Phone', value: (lead) => lead.phoneE164 ?? lead.phone ?? '' },
  { header: 'Location', value: (lead) => lead.location ?? '' },
  { header: 'Website', value: (lead) => lead.website ?? '' },
  { header: 'Profile URL', value: (lead) => lead.profileUrl ?? '' },
  // Values in the fixed English words, like the headers, so a file re-imports whatever the rep's language.
  { header: 'Source', value: (lead) => sourceEnglish(lead.source) },
  { header: 'Source URL', value: (lead) => lead.sourceUrl ?? '' },
  { header: 'Stage', value: (lead) => stageEnglish(lead.stage) },
  // Leadline's one meaning of qualified (the stage); the checklist's state is in Criteria Met.
  { header: 'Qualified', value: (lead) => (isQualified(lead) ? 'Yes' : 'No') },
  { header: 'Framework', value: (_lead, ctx) => ctx.framework.name },
  {
    header: 'Criteria Met',
    value: (lead, ctx) =>
      ctx.framework.criteria
        .filter((c) => lead.checklist.answers[c.id]?.status === 'met')
        .map((c) => c.label)
        .join('; '),
  },
  { header: 'Score', value: (lead) => String(lead.score) },
  { header: 'Next Follow-up', value: (lead) => isoDate(lead.nextFollowUpAt) },
  { header: 'Notes', value: (lead) => lead.notes },
  { header: 'Captured At', value: (lead) => isoDate(lead.capturedAt) },
  { header: 'Updated At', value: (lead) => isoDate(lead.updatedAt) },
];
