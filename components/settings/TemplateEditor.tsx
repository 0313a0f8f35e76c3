import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { uiFormats } from '@/lib/i18n/format';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { saveTemplate } from '@/lib/db/templates';
import type { Framework } from '@/lib/model/framework';
import { validateTemplate } from '@/lib/qualify/templates';
import { draftFromTemplate, emptyCriterion, moveItem, newTemplateDraft, templateInput, type CriterionDraft } from './template-draft';

export interface TemplateEditorProps {
  db: LeadlineDatabase;
  /** The template being edited; undefined for a new one. */
  template?: Framework;
  /** The rep's other templates, which the name must not clash with. */
  others: readonly Framework[];
  onSaved: (framework: Framework) => void;
  onCancel: () => void;
}

/** Builds or edits a custom template; Save lists every problem at once, in words that say what to fix. */
export function TemplateEditor({ db, template, others, onSaved, onCancel }: TemplateEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => (template ? draftFromTemplate(template) : newTemplateDraft()));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | undefined>();
  const errorsRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const title = template ? t('settings.editor.editTitle', { name: template.name }) : t('settings.templates.new');

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (errors.length > 0) errorsRef.current?.focus();
  }, [errors]);

  function updateCriterion(key: string, patch: Partial<CriterionDraft>) {
    setDraft((d) => ({ ...d, criteria: d.criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  }

  function addCriterion() {
    const row = emptyCriterion();
    setAdded(row.key);
    setDraft((d) => ({ ...d, criteria: [...d.criteria, row] }));
  }

  function removeCriterion(key: string) {
    setDraft((d) => ({ ...d, criteria: d.criteria.filter((c) => c.key !== key) }));
    addRef.current?.focus();
  }

  function moveCriterion(index: number, by: -1 | 1) {
    setDraft((d) => ({ ...d, criteria: moveItem(d.criteria, index, index + by) }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = validateTemplate(templateInput(draft), others);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      await saveTemplate(db, result.framework);
      setErrors([]);
      onSaved(result.framework);
    } catch (error) {
      console.error('Leadline: could not save a template', error);
      setErrors([describeStorageError(error)]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card template-editor" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>

      {errors.length > 0 && (
        <div role="alert" className="alert error-summary" ref={errorsRef} tabIndex={-1}>
          <p>{t('settings.editor.notSaved')}</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="field">
        <label htmlFor={`${id}-name`}>{t('settings.editor.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={draft.name}
          maxLength={200}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('settings.editor.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
        />
      </div>

      <h4>{t('settings.editor.criteria')}</h4>
      {draft.criteria.length === 0 && <p className="muted">{t('settings.editor.noCriteria')}</p>}
      <ol className="criteria-list">
        {draft.criteria.map((criterion, index) => (
          <li key={criterion.key}>
            <CriterionFields
              criterion={criterion}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === draft.criteria.length - 1}
              focusOnMount={criterion.key === added}
              onChange={(patch) => updateCriterion(criterion.key, patch)}
              onMove={(by) => moveCriterion(index, by)}
              onRemove={() => removeCriterion(criterion.key)}
            />
          </li>
        ))}
      </ol>
      <button type="button" ref={addRef} onClick={addCriterion}>
        {t('settings.editor.addCriterion')}
      </button>

      <div className="field rule-field">
        <label htmlFor={`${id}-min-met`}>{t('settings.editor.minMet')}</label>
        <input
          id={`${id}-min-met`}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          aria-describedby={`${id}-min-met-hint`}
          value={draft.minMet}
          onChange={(e) => setDraft((d) => ({ ...d, minMet: e.target.value }))}
        />
        <p id={`${id}-min-met-hint`} className="muted">
          {t('settings.editor.minMetHint', { count: uiFormats().count(draft.criteria.length) })}
        </p>
      </div>

      <div className="actions">
        <button type="submit" disabled={saving}>
          {t('settings.editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('settings.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

interface CriterionFieldsProps {
  criterion: CriterionDraft;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  focusOnMount: boolean;
  onChange: (patch: Partial<CriterionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function CriterionFields({ criterion, position, isFirst, isLast, focusOnMount, onChange, onMove, onRemove }: CriterionFieldsProps) {
  const id = useId();
  const labelRef = useRef<HTMLInputElement>(null);
  const number = uiFormats().count(position);

  useEffect(() => {
    if (focusOnMount) labelRef.current?.focus();
    // Only when the row first appears; later renders must not pull focus back here.
  }, []);

  return (
    <fieldset className="criterion">
      <legend>{t('settings.editor.criterion', { number })}</legend>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('settings.editor.label')}</label>
        <input id={`${id}-label`} ref={labelRef} value={criterion.label} onChange={(e) => onChange({ label: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-questions`}>{t('settings.editor.questions')}</label>
        <textarea
          id={`${id}-questions`}
          rows={2}
          value={criterion.questions}
          onChange={(e) => onChange({ questions: e.target.value })}
        />
      </div>
      <div className="criterion-row">
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t('settings.editor.weight')}</label>
          <input
            id={`${id}-weight`}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={criterion.weight}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={criterion.required} onChange={(e) => onChange({ required: e.target.checked })} />
          {t('settings.editor.required')}
        </label>
        {/* Not disabled at the ends: a disabled button would drop keyboard focus after the last move. */}
        <button type="button" aria-disabled={isFirst} aria-label={t('settings.editor.moveUp', { number })} onClick={() => !isFirst && onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-disabled={isLast} aria-label={t('settings.editor.moveDown', { number })} onClick={() => !isLast && onMove(1)}>
          ↓
        </button>
        <button type="button" aria-label={t('settings.editor.removeLabel', { number })} onClick={onRemove}>
          {t('settings.editor.remove')}
        </button>
      </div>
    </fieldset>
  );
}
