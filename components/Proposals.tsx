import { useId } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { resolveProposal } from '@/lib/db/leads';
import { t } from '@/lib/i18n';
import type { EditableField, Lead, Proposal } from '@/lib/model/lead';
import { fieldLabel } from '@/lib/model/lead-edit';
import { sourceName } from '@/lib/model/prospect';
import { saveWithReport } from './save-with-report';

export interface ProposalsProps {
  db: LeadlineDatabase;
  now: () => number;
  lead: Lead;
  /** Only these fields (Today shows title and company: job changes). */
  only?: readonly EditableField[];
  onError: (message: string) => void;
  /** After Update or Keep, with what was chosen in words. */
  onResolved?: (message: string) => void;
}

/** "LinkedIn now says: VP Sales (was Head of Sales)", per field, with the rep's choice: Update or Keep. */
export function proposalText(proposal: Proposal, lead: Lead): string {
  const current = lead[proposal.field];
  const source = sourceName(proposal.source);
  return current
    ? t('lead.proposals.saysWas', { source, value: proposal.value, current })
    : t('lead.proposals.says', { source, value: proposal.value });
}

/** What a re-capture found that differs from what is stored; nothing changes until the rep chooses. */
export function Proposals({ db, now, lead, only, onError, onResolved }: ProposalsProps) {
  const ids = useId();
  const proposals = (lead.proposals ?? []).filter((p) => !only || only.includes(p.field));
  if (proposals.length === 0) return null;

  async function choose(proposal: Proposal, choice: 'update' | 'keep') {
    const label = fieldLabel(proposal.field);
    const done = await saveWithReport(() => resolveProposal(db, lead.id, proposal.field, choice, now()), onError);
    if (done) {
      onResolved?.(
        choice === 'update'
          ? t('lead.proposals.updated', { field: label, value: proposal.value })
          : t('lead.proposals.kept', { field: label }),
      );
    }
  }

  return (
    <ul className="proposals" aria-label={t('lead.proposals.listLabel', { name: lead.fullName })}>
      {proposals.map((proposal) => {
        const textId = `${ids}-${proposal.field}`;
        const label = fieldLabel(proposal.field);
        const said = proposalText(proposal, lead);
        return (
          // The group's name is spelled out rather than taken from the styled text, so every browser reads it the same.
          <li key={proposal.field} className="proposal" role="group" aria-label={t('lead.proposals.item', { field: label, change: said })}>
            <p id={textId}>
              <span className="proposal-field">{t('lead.proposals.field', { field: label })}</span> {said}
            </p>
            <span className="proposal-actions">
              <button type="button" aria-describedby={textId} onClick={() => void choose(proposal, 'update')}>
                {t('lead.proposals.update')}
              </button>
              <button type="button" className="secondary" aria-describedby={textId} onClick={() => void choose(proposal, 'keep')}>
                {t('lead.proposals.keep')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
