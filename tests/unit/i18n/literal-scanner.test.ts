import { describe, expect, it } from 'vitest';
import { describeLiteral, findLiterals } from '../../literal-scanner';

const scan = (source: string, file = 'components/Example.tsx') => findLiterals(file, source).map((l) => [l.line, l.where, l.text]);

describe('the literal scanner', () => {
  it('catches English written straight into JSX, with its line', () => {
    expect(scan(`export const A = () => (\n  <p>\n    Nothing due today.\n  </p>\n);`)).toEqual([[3, 'JSX text', 'Nothing due today.']]);
  });

  it('catches a literal in a visible attribute or prop, and a literal a JSX child can show', () => {
    expect(
      scan(
        [
          `export const A = ({ busy }: { busy: boolean }) => (`,
          `  <div>`,
          `    <button aria-label="Close the list" title={busy ? 'Saving…' : t('save')}>×</button>`,
          `    <img alt={\`Photo of \${name}\`} />`,
          `    <Field emptyText="None yet" label={t('words.field.company')} />`,
          `    {busy && 'Saving…'}`,
          `  </div>`,
          `);`,
        ].join('\n'),
      ),
    ).toEqual([
      [3, 'aria-label', 'Close the list'],
      [3, 'title', 'Saving…'],
      [4, 'alt', 'Photo of ${name}'],
      [5, 'emptyText', 'None yet'],
      [6, 'JSX child', 'Saving…'],
    ]);
  });

  it('leaves class names, ids, test ids, roles, types, keys, URLs, styles, comparisons and translation keys alone', () => {
    expect(
      scan(
        [
          `export const A = ({ stage }: { stage: string }) => (`,
          `  <section className="lead-detail muted" id="activity" data-testid="lead" role="region" key="a">`,
          `    <a href="https://www.linkedin.com/in/ana" style={{ color: 'red' }}>{t('lead.open')}</a>`,
          `    <input type="email" autoComplete="email" />`,
          `    {stage === 'disqualified' ? <span className={cx('stage', 'stage-' + stage)}>{t('words.stage.disqualified')}</span> : null}`,
          `    <span>{count} × {price} → 42 · …</span>`,
          `  </section>`,
          `);`,
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('catches text written to the DOM by plain-DOM code', () => {
    const source = [
      `button.textContent = 'Save lead';`,
      `host.title = saved ? t('widget.saved') : 'Already saved';`,
      `button.setAttribute('aria-label', \`Save \${count} leads\`);`,
      `button.setAttribute('class', 'leadline-button');`,
      `list.append(document.createTextNode('Select all'));`,
      `button.dataset.state = 'idle';`,
    ].join('\n');
    expect(scan(source, 'lib/page-ui/widget.ts')).toEqual([
      [1, 'textContent =', 'Save lead'],
      [2, 'title =', 'Already saved'],
      [3, "setAttribute('aria-label')", 'Save ${count} leads'],
      [5, 'createTextNode', 'Select all'],
    ]);
  });

  it('catches text kept in a table or a list of options, but not CSS or class names in one', () => {
    const source = [
      `const TABS = [{ id: 'welcome', label: 'Welcome' }];`,
      `const TEXT = { empty: 'No leads yet.', moved: (n: number) => \`Moved \${n} leads.\`, kind: 'stage' };`,
      `const LOOK = { className: 'lead-row muted', columns: '1fr 2fr', style: { fontFamily: 'Inter, sans-serif' } };`,
      `const CORNERS = { 'bottom-left': 'left: 16px; bottom: 16px;' };`,
      `sheet.textContent = \`:host { position: fixed; }\`;`,
    ].join('\n');
    expect(scan(source)).toEqual([
      [1, 'property label', 'Welcome'],
      [2, 'property empty', 'No leads yet.'],
      [2, 'property moved', 'Moved ${n} leads.'],
    ]);
  });

  it('names the file and line so a failure says where to look', () => {
    const [literal] = findLiterals('components/Today.tsx', `const A = () => <h2>Today</h2>;`);
    expect(describeLiteral(literal!)).toBe('components/Today.tsx:1  JSX text: "Today"');
  });
});
