import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import type { Framework } from '@/lib/model/framework';
import { DEFAULT_FRAMEWORK } from '@/lib/qualify/frameworks';
import { describeTemplateDeletion } from '@/lib/qualify/templates';
import { countLeadsUsingTemplate, deleteTemplateMovingLeads } from '@/lib/db/templates';
import { TemplateEditor } from './TemplateEditor';
import { Alert } from '../Alert';

type Editing = { kind: 'new' } | { kind: 'edit'; template: Framework };
type Confirming = { template: Framework; message: string };

/** "4 criteria; qualified at 3 met, 1 required." */
function ruleSummary(template: Framework): string {
  const { count } = uiFormats();
  const required = template.criteria.filter((c) => c.required).length;
  const criteria = t('settings.templates.criteria', template.criteria.length, [count(template.criteria.length)]);
  return required > 0
    ? t('settings.templates.ruleWithRequired', { criteria, minMet: count(template.rule.minMet), required: count(required) })
    : t('settings.templates.rule', { criteria, minMet: count(template.rule.minMet) });
}

/** The rep's own qualification templates: list, create, edit, delete. */
export function TemplatesSection({ db, now, templates }: { db: LeadlineDatabase; now: () => number; templates: readonly Framework[] }) {
  const id = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const newRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  function startEditing(next: Editing) {
    setEditing(next);
    setConfirming(null);
    setStatus('');
    setError('');
  }

  function closeEditor() {
    setEditing(null);
    newRef.current?.focus();
  }

  async function askToDelete(template: Framework) {
    if (busy) return;
    setBusy(true);
    setStatus('');
    setError('');
    try {
      const count = await countLeadsUsingTemplate(db, template.id);
      if (count > 0) setConfirming({ template, message: describeTemplateDeletion(count, DEFAULT_FRAMEWORK.name) });
      else await remove(template);
    } catch (e) {
      console.error('Leadline: could not count the leads using a template', e);
      setError(describeStorageError(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(template: Framework) {
    try {
      const moved = await deleteTemplateMovingLeads(db, template.id, now());
      if (editing?.kind === 'edit' && editing.template.id === template.id) setEditing(null);
      setConfirming(null);
      setStatus(
        moved > 0
          ? t('settings.templates.deletedMoving', moved, [uiFormats().count(moved), template.name, DEFAULT_FRAMEWORK.name])
          : t('settings.templates.deleted', { name: template.name }),
      );
      newRef.current?.focus();
    } catch (e) {
      console.error('Leadline: could not delete a template', e);
      setError(describeStorageError(e));
    }
  }

  async function confirmDelete(template: Framework) {
    if (busy) return;
    setBusy(true);
    await remove(template);
    setBusy(false);
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.templates.title')}</h2>
      <p className="muted">{t('settings.templates.intro')}</p>

      {templates.length === 0 ? (
        <p>{t('settings.templates.none')}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id}>
              <div className="template-summary">
                <strong>{template.name}</strong> <span className="muted">{ruleSummary(template)}</span>
              </div>
              <div className="actions">
                <button type="button" onClick={() => startEditing({ kind: 'edit', template })}>
                  {t('settings.templates.edit')}<span className="visually-hidden"> {template.name}</span>
                </button>
                <button type="button" disabled={busy} onClick={() => void askToDelete(template)}>
                  {t('settings.templates.delete')}<span className="visually-hidden"> {template.name}</span>
                </button>
              </div>
              {confirming?.template.id === template.id && (
                <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
                  <p id={`${id}-confirm`}>{confirming.message}</p>
                  <div className="actions">
                    <button type="button" className="danger" disabled={busy} onClick={() => void confirmDelete(template)}>
                      {t('settings.templates.deleteAnyway')}
                    </button>
                    <button type="button" ref={keepRef} onClick={() => setConfirming(null)}>
                      {t('settings.templates.keep')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <p role="status">{status}</p>
      <Alert message={error} />

      <button type="button" ref={newRef} onClick={() => startEditing({ kind: 'new' })}>
        {t('settings.templates.new')}
      </button>

      {editing && (
        <TemplateEditor
          key={editing.kind === 'edit' ? editing.template.id : 'new'}
          db={db}
          {...(editing.kind === 'edit' ? { template: editing.template } : {})}
          others={editing.kind === 'edit' ? templates.filter((t) => t.id !== editing.template.id) : templates}
          onSaved={(framework) => {
            setStatus(t('settings.templates.saved', { name: framework.name }));
            closeEditor();
          }}
          onCancel={closeEditor}
        />
      )}
    </section>
  );
}
