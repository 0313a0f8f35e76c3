import {
  asList,
  asObject,
  asText,
  externalHref,
  isSkipped,
  jsonLdNodes,
  visibleText,
  type Json,
} from './dom';
import { isLinkedInHost, linkedInCompanyKeyFromUrl } from '@/lib/model/page-urls';

/**
 * LinkedIn company pages (/company/<slug>/ and its tabs), logged in and public. The About tab
 * (logged in and out) lists Website, Industry, Company size and Headquarters in a `dl`; public
 * pages also carry a JSON-LD Organization, used for whatever the `dl` does not say.
 */

export type CompanyInfo = {
  company: string;
  website?: string;
  industry?: string;
  companySize?: string;
  location?: string;
  linkedInUrl: string;
};

/** The company a LinkedIn company page shows, or undefined when the page shows none (yet). */
export function extractLinkedInCompany(doc: Document, url: URL): CompanyInfo | undefined {
  try {
    return readCompany(doc, url);
  } catch (error) {
    console.warn('Leadline: could not read this LinkedIn company page', error);
    return undefined;
  }
}

type Details = Omit<CompanyInfo, 'company' | 'linkedInUrl'>;

function readCompany(doc: Document, url: URL): CompanyInfo | undefined {
  const linkedInUrl = linkedInCompanyKeyFromUrl(url.href);
  if (!linkedInUrl) return undefined;
  const ld = readJsonLdOrganization(doc, linkedInUrl, url);
  const company = readName(doc) || ld?.name;
  if (!company) return undefined;

  const about = readAboutList(doc, url);
  return {
    company,
    website: about.website ?? ld?.website,
    industry: about.industry,
    companySize: about.companySize ?? readTopCardSize(doc) ?? ld?.companySize,
    location: about.location ?? ld?.location,
    linkedInUrl,
  };
}

function readName(doc: Document): string {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return '';
  const known = scope.querySelector('.org-top-card-summary__title, .top-card-layout__title, .org-top-card h1');
  const text = visibleText(known);
  if (text) return text;
  // Newer markup has hashed classes: the first heading a reader sees in <main> is the company's.
  for (const h1 of Array.from(scope.querySelectorAll('h1')).slice(0, 10)) {
    if (isSkipped(h1) || h1.closest('aside, nav, header, footer, [role="dialog"], .visually-hidden')) continue;
    const name = visibleText(h1);
    if (name && name.length <= 300) return name;
  }
  return '';
}

// "Company size" also has a second dd ("387 associated members"): only the first after the dt counts.
const ABOUT_FIELDS: Array<[RegExp, keyof Details]> = [
  [/^websites?$/, 'website'],
  [/^industr(?:y|ies)$/, 'industry'],
  [/^(?:company )?size$/, 'companySize'],
  [/^headquarters$/, 'location'],
];

function readAboutList(doc: Document, url: URL): Details {
  const details: Details = {};
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return details;
  for (const dt of Array.from(scope.querySelectorAll('dl dt')).slice(0, 30)) {
    const label = visibleText(dt).toLowerCase();
    const field = ABOUT_FIELDS.find(([pattern]) => pattern.test(label))?.[1];
    const dd = dt.nextElementSibling;
    if (!field || details[field] || dd?.tagName !== 'DD') continue;
    const value =
      field === 'website'
        ? (externalHref(dd.querySelector('a[href]')?.getAttribute('href'), url) ?? websiteFromText(visibleText(dd)))
        : visibleText(dd);
    if (value) details[field] = value;
  }
  return details;
}

function websiteFromText(text: string): string | undefined {
  return /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i.test(text) ? text : undefined;
}

/** The home tab has no About list, but its top card says "201-500 employees". */
function readTopCardSize(doc: Document): string | undefined {
  const items = doc.querySelectorAll(
    '.org-top-card-summary-info-list__info-item, .org-top-card-summary-info-list a, .top-card-layout__first-subline *',
  );
  for (const item of Array.from(items).slice(0, 20)) {
    const text = visibleText(item);
    if (/^[\d,.+\s–-]+K?\+?\s+employees$/i.test(text)) return text;
  }
  return undefined;
}

interface LdOrganization {
  name?: string;
  website?: string;
  companySize?: string;
  location?: string;
}

function readJsonLdOrganization(doc: Document, linkedInUrl: string, pageUrl: URL): LdOrganization | undefined {
  const orgs = jsonLdNodes(doc, 'Organization');
  const links = (o: Json) => [...asList(o.url), ...asList(o.sameAs)].filter((u): u is string => typeof u === 'string');
  const isThisCompany = (o: Json) => links(o).some((u) => linkedInCompanyKeyFromUrl(u) === linkedInUrl);
  // An Organization that links to another company page (a parent, an affiliate) is not this one.
  const linksElsewhere = (o: Json) => links(o).some((u) => linkedInCompanyKeyFromUrl(u));
  const org = orgs.find(isThisCompany) ?? orgs.find((o) => asText(o.name) && !linksElsewhere(o));
  if (!org) return undefined;

  const website = links(org)
    .map((u) => externalHref(u, pageUrl))
    .find((u) => u && !isLinkedInHost(new URL(u)));
  const employees = asObject(org.numberOfEmployees)?.value ?? org.numberOfEmployees;
  const companySize =
    typeof employees === 'number' && Number.isFinite(employees) && employees > 0
      ? `${employees} employees`
      : asText(employees);
  const address = asObject(asList(org.address)[0]);
  const parts = [address?.addressLocality, address?.addressRegion, address?.addressCountry]
    .map(asText)
    .filter((p, i, all): p is string => Boolean(p) && all.indexOf(p) === i);
  return { name: asText(org.name), website, companySize, location: parts.join(', ') || undefined };
}
