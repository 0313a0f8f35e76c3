import { describe, expect, it } from 'vitest';
import { extractFromSelection } from '@/lib/capture/web/selection';
import { ProspectDraftSchema } from '@/lib/model/prospect';

const URL_ = new URL('https://www.example-company.com/about/team');
const select = (text: string) => extractFromSelection(text, URL_);

describe('extractFromSelection', () => {
  it('reads a signature selected over several lines', () => {
    const [draft] = select('Jane Doe\nVP Marketing, Initech\njane@initech.com\n+1 415 555 0100');
    expect(draft).toEqual({
      source: 'web',
      sourceUrl: URL_.href,
      fullName: 'Jane Doe',
      title: 'VP Marketing',
      company: 'Initech',
      email: 'jane@initech.com',
      phone: '+1 415 555 0100',
      confidence: 0.7,
    });
    expect(ProspectDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('reads the same details from one line separated by dashes', () => {
    const [draft] = select('Jane Doe – VP Marketing at Initech – jane@initech.com');
    expect(draft).toMatchObject({ fullName: 'Jane Doe', title: 'VP Marketing', company: 'Initech', email: 'jane@initech.com' });
  });

  it('reads title and company separated by a pipe', () => {
    const [draft] = select('Jane Doe\nVP Marketing | Initech');
    expect(draft).toMatchObject({ title: 'VP Marketing', company: 'Initech' });
  });

  it('reads a title on one line and the company on the next', () => {
    const [draft] = select('Jane Doe\nHead of Growth\nInitech\njane@initech.com');
    expect(draft).toMatchObject({ title: 'Head of Growth', company: 'Initech' });
  });

  it('keeps "Director, Product Marketing" whole as a title', () => {
    const [draft] = select('Jane Doe\nDirector, Product Marketing');
    expect(draft).toMatchObject({ title: 'Director, Product Marketing' });
    expect(draft?.company).toBeUndefined();
  });

  it('reads names with accents, particles, hyphens and apostrophes', () => {
    expect(select('José María de la Cruz\njm@cruz.mx')[0]?.fullName).toBe('José María de la Cruz');
    expect(select("Anne-Sophie O'Neill\nCFO")[0]?.fullName).toBe("Anne-Sophie O'Neill");
    expect(select('Jan van der Berg\nCTO')[0]?.fullName).toBe('Jan van der Berg');
  });

  it('drops pronouns after a name', () => {
    expect(select('Jane Doe (she/her)\njane@initech.com')[0]?.fullName).toBe('Jane Doe');
  });

  it('does not take a title or a company for a name', () => {
    const [draft] = select('VP Marketing\nInitech Solutions\njane@initech.com');
    expect(draft?.fullName).toBeUndefined();
    expect(draft?.email).toBe('jane@initech.com');
  });

  it('reads labelled lines', () => {
    const [draft] = select('Name: Jane Doe\nCompany: Initech\nEmail: jane@initech.com\nMobile: 07700 900123');
    expect(draft).toMatchObject({ fullName: 'Jane Doe', company: 'Initech', email: 'jane@initech.com', phone: '07700 900123' });
  });

  it('reads an address written as "Name <address>"', () => {
    expect(select('Jane Doe <jane@initech.com>')[0]).toMatchObject({ fullName: 'Jane Doe', email: 'jane@initech.com' });
  });

  it('files a LinkedIn URL as the profile and another URL as the website', () => {
    const [draft] = select('Jane Doe\nlinkedin.com/in/jane-doe-initech\nwww.initech.com');
    expect(draft).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/jane-doe-initech/', website: 'https://www.initech.com/' });
  });

  it('does not take a range of years for a phone number', () => {
    expect(select('Jane Doe\nCEO, Initech 2019 - 2024')[0]?.phone).toBeUndefined();
  });

  it('reads only the first 5,000 characters', () => {
    const [draft] = select(`Jane Doe\n${'Lorem ipsum dolor sit amet. '.repeat(200)}\njane@initech.com`);
    expect(draft?.fullName).toBe('Jane Doe');
    expect(draft?.email).toBeUndefined();
  });

  // Speed belongs to `npm run bench`; this only checks that such input is read, not choked on.
  it('still reads the name before a long run of spaces and separators', () => {
    const [draft] = select(`Jane Doe${' '.repeat(2500)}-${' '.repeat(2400)}x`);
    expect(draft?.fullName).toBe('Jane Doe');
  });

  it('returns nothing when the selection names no one and holds no address or profile', () => {
    expect(select('Our pricing starts at $29 per user per month.')).toEqual([]);
    expect(select('')).toEqual([]);
  });
});
