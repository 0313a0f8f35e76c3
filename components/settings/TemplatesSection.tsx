import { useEffect, useId, useRef, useState } from 'react';
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

function ruleSummary(template: Framework): string {
  const required = template.criteria.filter((c) => c.required).length;
  const criteria = `${template.criteria.length} ${template.criteria.length === 1 ? 'criterion' : 'criteria'}`;
  return `${criteria}; qualified at ${template.rule.minMet} met${required > 0 ? `, ${required} required` : ''}.`;
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
      const leads = moved === 1 ? '1 lead was moved' : `${moved} leads were moved`;
      const answers = moved === 1 ? 'its answers' : 'their answers';
      setStatus(`Deleted “${template.name}”.${moved > 0 ? ` ${leads} to ${DEFAULT_FRAMEWORK.name} with ${answers} kept.` : ''}`);
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
      <h2 id={`${id}-title`}>Your qualification templates</h2>
      <p className="muted">Checklists of your own, next to the built-in frameworks.</p>

      {templates.length === 0 ? (
        <p>You have no templates of your own yet.</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id}>
              <div className="template-summary">
                <strong>{template.name}</strong> <span className="muted">{ruleSummary(template)}</span>
              </div>
              <div className="actions">
                <button type="button" onClick={() => startEditing({ kind: 'edit', template })}>
                  Edit<span className="visually-hidden"> {template.name}</span>
                </button>
                <button type="button" disabled={busy} onClick={() => void askToDelete(template)}>
                  Delete<span className="visually-hidden"> {template.name}</span>
                </button>
              </div>
              {confirming?.template.id === template.id && (
                <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
                  <p id={`${id}-confirm`}>{confirming.message}</p>
                  <div className="actions">
                    <button type="button" className="danger" disabled={busy} onClick={() => void confirmDelete(template)}>
                      Delete anyway
                    </button>
                    <button type="button" ref={keepRef} onClick={() => setConfirming(null)}>
                      Keep template
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
        New template
      </button>

      {editing && (
        <TemplateEditor
          key={editing.kind === 'edit' ? editing.template.id : 'new'}
          db={db}
          {...(editing.kind === 'edit' ? { template: editing.template } : {})}
          others={editing.kind === 'edit' ? templates.filter((t) => t.id !== editing.template.id) : templates}
          onSaved={(framework) => {
            setStatus(`Template “${framework.name}” saved.`);
            closeEditor();
          }}
          onCancel={closeEditor}
        />
      )}
    </section>
  );
}
