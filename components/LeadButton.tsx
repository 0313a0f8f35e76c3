import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { Lead } from '@/lib/model/lead';
import { stageLabel } from '@/lib/model/stage';

/** One lead in a list: name, role, stage and score; opens the lead's detail. */
export function LeadButton({ lead, onOpen }: { lead: Lead; onOpen: () => void }) {
  const role = [lead.title, lead.company].filter(Boolean).join(' · ');
  return (
    <button type="button" className="lead" data-lead-id={lead.id} onClick={onOpen}>
      <span className="lead-name">{lead.fullName}</span>
      {role && <span className="lead-role">{role}</span>}
      <span className="lead-tags">
        <span className={`stage stage-${lead.stage}`}>{stageLabel(lead.stage)}</span>
        <span className="score">{t('lead.listScore', { score: uiFormats().count(lead.score) })}</span>
      </span>
    </button>
  );
}
