import { useId, useRef, useState, type FormEvent } from 'react';
import type { LeadlineDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
import { t } from '@/lib/i18n';
import { deleteSavedView, saveView } from '@/lib/db/saved-views';
import { NO_FILTER } from '@/lib/model/lead-filter';
import { sameQuery, type LeadQuery } from '@/lib/model/lead-query';
import { DEFAULT_SORT } from '@/lib/model/lead-sort';
import { VIEW_NAME_MAX, type SavedView } from '@/lib/model/saved-view';


export interface SavedViewsProps {
  db: LeadlineDatabase;
  /** The rep's saved views; undefined while they are read. */
  views: readonly SavedView[] | undefined;
  query: LeadQuery;
  onApply: (query: LeadQuery) => void;
}

/** The rep's named filters ("My qualified from SaaStr"): choose one, save the current filters as one, delete one. */
export function SavedViews({ db, views, query, onApply }: SavedViewsProps) {
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const active = views?.find((view) => sameQuery(view, query));
  const plain = sameQuery(query, { filter: NO_FILTER, sort: DEFAULT_SORT });

  function choose(viewId: string) {
    setStatus('');
    setError('');
    if (viewId === '') {
      onApply({ filter: NO_FILTER, sort: DEFAULT_SORT });
      return;
    }
    const view = views?.find((v) => v.id === viewId);
    if (view) onApply({ filter: view.filter, sort: view.sort });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    try {
      const view = await saveView(db, { name, filter: query.filter, sort: query.sort });
      setError('');
      setNaming(false);
      setName('');
      setStatus(t('table.views.saved', { name: view.name }));
      saveButton.current?.focus();
    } catch (caught) {
      console.error(caught);
      setError(describeStorageError(caught));
      nameInput.current?.focus();
    }
  }

  async function remove() {
    if (!active) return;
    setStatus('');
    try {
      await deleteSavedView(db, active.id);
      setError('');
      setStatus(t('table.views.deleted', { name: active.name }));
    } catch (caught) {
      console.error(caught);
      setError(describeStorageError(caught));
    }
  }

  return (
    <div className="saved-views" role="group" aria-label={t('table.views.group')}>
      <span className="filter-field">
        <label htmlFor={`${id}-view`}>{t('table.views.view')}</label>
        <select id={`${id}-view`} value={active?.id ?? ''} onChange={(event) => choose(event.target.value)}>
          <option value="">{active || plain ? t('table.views.allLeads') : t('table.views.unsaved')}</option>
          {views?.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </span>
      {naming ? (
        <form className="name-view" onSubmit={(event) => void save(event)}>
          <label htmlFor={`${id}-name`}>{t('table.views.name')}</label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            type="text"
            maxLength={VIEW_NAME_MAX}
            placeholder={t('table.views.namePlaceholder')}
            value={name}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit">{t('table.views.confirmSave')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setNaming(false);
              setError('');
              saveButton.current?.focus();
            }}
          >
            {t('table.views.cancel')}
          </button>
        </form>
      ) : (
        <button
          ref={saveButton}
          type="button"
          className="secondary"
          aria-disabled={plain || undefined}
          onClick={() => {
            if (plain) return;
            setStatus('');
            setName(active?.name ?? '');
            setNaming(true);
          }}
        >
          {t('table.views.save')}
        </button>
      )}
      {active && !naming && (
        <button type="button" className="secondary danger" onClick={() => void remove()}>
          {t('table.views.delete', { name: active.name })}
        </button>
      )}
      <p role="status" className="status">
        {status}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="alert">
          {error}
        </p>
      )}
    </div>
  );
}
