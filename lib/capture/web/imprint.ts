import { isAddress, phonesIn } from '@/lib/capture/contact-text';
import { cleanPersonName } from '@/lib/model/names';
import { cleanLine } from '@/lib/model/text';
import { emailFromHref, webDraft, type WebDraft } from './draft';
import { looksLikePersonName } from './person-text';
import { siteIdentity } from './site-identity';

/**
 * A company's legal notice (German "Impressum", "Mentions légales", "Aviso legal", "Imprint"):
 * the law makes it name who runs the company ("Vertreten durch den Geschäftsführer: Thomas
 * Krämer"), with the company, its address, telephone and email. Those are read as labelled
 * lines; the person gets the role the label gives ("Geschäftsführer").
 */

const IMPRINT_PATH = /(?:^|\/)(?:impressum|imprint|legal-notice|legal|mentions-legales|mentions-l[eé]gales|aviso-legal|colofon|note-legali|kolofon)(?:[/.]|$)/i;
const IMPRINT_HEADING = /^(?:impressum|imprint|legal notice|mentions légales|aviso legal|colofon|note legali|site notice)$/i;

// "Vertreten durch den Geschäftsführer:", "Geschäftsführerin:", "Inhaber:", "Managing Director:", "Gérant :".
const PERSON_LABEL =
  /^(vertreten durch(?:\s+(?:den|die|das))?(?:\s+(geschäftsführer(?:in)?|vorstand|inhaber(?:in)?))?|(geschäftsführer(?:in)?|geschäftsführung|inhaber(?:in)?|vorstand(?:svorsitzende[rn]?)?|managing directors?|directors?|owner|ceo|g[ée]rante?|directeur de (?:la )?publication|directrice de (?:la )?publication|representante legal|administrador(?:a)?))\s*:\s*(.*)$/i;
const PHONE_LABEL = /^(?:telefon|tel\.?|phone|fon|téléphone|tél\.?|teléfono|telefono|telefone)\s*[:.]?\s/i;
const EMAIL_LABEL = /^(?:e-?mail|courriel|correo(?: electrónico)?|posta elettronica)\s*:?\s*([^\s<>]+@[^\s<>]+)/i;
const LEGAL_FORM = /\b(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|OHG|UG|e\.\s?K\.|e\.\s?V\.|Inc\.?|LLC|Ltd\.?|SARL|SAS|S\.A\.|S\.L\.|S\.r\.l\.|B\.V\.)(?:\s|$|,)/;

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'DD', 'TR', 'TD', 'ADDRESS', 'SECTION', 'ARTICLE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'NAV', 'HEADER', 'FOOTER', 'FORM']);
const MAX_NODES = 6000;

function isImprint(doc: Document, url: URL): boolean {
  if (IMPRINT_PATH.test(url.pathname)) return true;
  const h1 = doc.querySelector('h1');
  return Boolean(h1 && IMPRINT_HEADING.test(cleanLine(h1.textContent ?? '').slice(0, 60)));
}

/** The page's text as lines, breaking at blocks and <br>, skipping navigation and scripts. */
function pageLines(root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  let nodes = 0;
  const flush = () => {
    const line = cleanLine(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && nodes < MAX_NODES; child = child.nextSibling) {
      nodes++;
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED.has(el.tagName) || el.hasAttribute('hidden')) continue;
        if (el.tagName === 'BR') flush();
        else if (BLOCKS.has(el.tagName)) {
          flush();
          walk(el);
          flush();
        } else walk(el);
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

/** "Geschäftsführer" from "Vertreten durch den Geschäftsführer", "Managing Director" from its label, capitalised as written. */
function roleFrom(match: RegExpExecArray): string | undefined {
  const role = match[2] ?? match[3];
  if (!role || /^geschäftsführung$/i.test(role)) return undefined;
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** The people a legal notice names as running the company, with its contact details; [] on any other page. */
export function extractImprint(doc: Document, url: URL): WebDraft[] {
  try {
    if (!isImprint(doc, url)) return [];
    return readImprint(doc, url);
  } catch (error) {
    console.warn('Leadline: could not read this legal notice', error);
    return [];
  }
}

function readImprint(doc: Document, url: URL): WebDraft[] {
  const root = doc.querySelector('main, [role="main"], #content, .content') ?? doc.body;
  if (!root) return [];
  const lines = pageLines(root);
  const people: Array<{ name: string; title?: string }> = [];
  let company: string | undefined;
  let phone: string | undefined;
  let email: string | undefined;
  const addresses: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.length > 200) continue;
    company ??= LEGAL_FORM.test(line) && line.length <= 80 && !line.includes(':') ? line : undefined;
    if (isAddress(line) && addresses.length < 2) addresses.push(line);
    if (PHONE_LABEL.test(line)) phone ??= phonesIn(line)[0]?.phone;
    email ??= EMAIL_LABEL.exec(line)?.[1];
    const label = PERSON_LABEL.exec(line);
    if (!label) continue;
    const named = (label[4] ?? '').trim() || lines[i + 1] || '';
    for (const part of named.split(/,\s*|\s+(?:und|and|et|y|e)\s+/).slice(0, 4)) {
      const name = cleanPersonName(part);
      if (looksLikePersonName(name) && !people.some((p) => p.name === name)) people.push({ name, title: roleFrom(label) });
    }
  }
  if (people.length === 0) return [];
  const mail = email ?? doc.querySelector('a[href^="mailto:" i]')?.getAttribute('href') ?? undefined;
  const identity = siteIdentity(doc, url);
  const drafts: WebDraft[] = [];
  for (const [i, person] of people.entries()) {
    const draft = webDraft(
      {
        fullName: person.name,
        title: person.title,
        company: company ?? identity.organization,
        // The notice's telephone and email are the company's; they go with the first person named.
        email: i === 0 && mail ? emailFromHref(mail) : undefined,
        phone: i === 0 ? phone : undefined,
      },
      url,
      i === 0 ? 0.7 : 0.6,
    );
    if (!draft) continue;
    const address = addresses.join('\n') || identity.address;
    draft.hints = { ...(identity.lang ? { lang: identity.lang } : {}), ...(address ? { address } : {}), siteHost: url.hostname };
    drafts.push(draft);
  }
  return drafts;
}
