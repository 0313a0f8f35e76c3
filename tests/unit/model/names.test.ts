import { describe, expect, it } from 'vitest';
import { cleanPersonName } from '@/lib/model/names';
import { splitName } from '@/lib/model/name-split';

describe('splitting a person name', () => {
  it.each([
    ['Ada Lovelace', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['María José García-López', { firstName: 'María José', lastName: 'García-López' }],
    ['Zoë Ångström', { firstName: 'Zoë', lastName: 'Ångström' }],
    ['Ludwig van der Rohe', { firstName: 'Ludwig', lastName: 'van der Rohe' }],
    ['Jan van der Berg', { firstName: 'Jan', lastName: 'van der Berg' }],
    ['José de la Cruz', { firstName: 'José', lastName: 'de la Cruz' }],
    ['Ursula von der Leyen', { firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['Vincent van Gogh', { firstName: 'Vincent', lastName: 'van Gogh' }],
    ['Ana da Silva', { firstName: 'Ana', lastName: 'da Silva' }],
    ['Leonardo di Caprio', { firstName: 'Leonardo', lastName: 'di Caprio' }],
    ['Marine Le Pen', { firstName: 'Marine', lastName: 'Le Pen' }],
    ['Anwar bin Ibrahim', { firstName: 'Anwar', lastName: 'bin Ibrahim' }],
    ['Khalid al Mansouri', { firstName: 'Khalid', lastName: 'al Mansouri' }],
    ['Ludwig Mies van der Rohe', { firstName: 'Ludwig Mies', lastName: 'van der Rohe' }],
  ])('splits %j', (input, expected) => {
    expect(splitName(input)).toEqual(expected);
  });

  it('keeps a surname that happens to be a particle as the surname', () => {
    expect(splitName('Minh Le')).toEqual({ firstName: 'Minh', lastName: 'Le' });
    expect(splitName('Van Morrison')).toEqual({ firstName: 'Van', lastName: 'Morrison' });
  });

  it.each([
    ['Martin Luther King Jr.', { firstName: 'Martin Luther', lastName: 'King', uncertain: true }],
    ['John Smith Sr', { firstName: 'John', lastName: 'Smith' }],
    ['Henry Ford II', { firstName: 'Henry', lastName: 'Ford' }],
    ['Thurston Howell III', { firstName: 'Thurston', lastName: 'Howell' }],
    ['Jane Doe PhD', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, PhD', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, Ph.D.', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, MBA, CPA', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, Jr.', { firstName: 'Jane', lastName: 'Doe' }],
    ['Jane Doe, Certified Scrum Master', { firstName: 'Jane', lastName: 'Doe' }],
  ])('drops the suffix or credentials in %j', (input, expected) => {
    expect(splitName(input)).toEqual(expected);
  });

  it('does not mistake a short surname for a credential', () => {
    expect(splitName('Jack Ma')).toEqual({ firstName: 'Jack', lastName: 'Ma' });
  });

  it.each([
    ['Dr. Jane Doe', { firstName: 'Jane', lastName: 'Doe' }],
    ['Mr John Smith', { firstName: 'John', lastName: 'Smith' }],
    ['Ms. Jane Doe', { firstName: 'Jane', lastName: 'Doe' }],
    ['Prof. Dr. Hans Müller', { firstName: 'Hans', lastName: 'Müller' }],
    ['Dr. Jane Doe, PhD', { firstName: 'Jane', lastName: 'Doe' }],
  ])('drops the honorific in %j', (input, expected) => {
    expect(splitName(input)).toEqual(expected);
  });

  it('treats a single name as a first name', () => {
    expect(splitName('Madonna')).toEqual({ firstName: 'Madonna' });
    expect(splitName('Björk 🎤')).toEqual({ firstName: 'Björk' });
  });

  it('reads a name written last name first', () => {
    expect(splitName('Doe, Jane')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitName('van der Berg, Jan')).toEqual({ firstName: 'Jan', lastName: 'van der Berg' });
  });

  it('ignores the pronouns and emoji people add to their LinkedIn name', () => {
    expect(splitName('Jane Doe (she/her)')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitName('Jane Doe 🚀')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitName('🌍 Alex Kim (they/them) ✨')).toEqual({ firstName: 'Alex', lastName: 'Kim' });
  });

  it('returns nothing for an empty or decoration-only name', () => {
    expect(splitName('')).toEqual({});
    expect(splitName('   ')).toEqual({});
    expect(splitName('🚀 (she/her)')).toEqual({});
  });
});

describe('cleaning a person name', () => {
  it.each([
    ['Jane Doe (she/her)', 'Jane Doe'],
    ['Jane Doe (She/Her)', 'Jane Doe'],
    ['Jane Doe [he/him/his]', 'Jane Doe'],
    ['Jane Doe (they | them)', 'Jane Doe'],
    ['Jane Doe 🚀', 'Jane Doe'],
    ['Jane Doe 👩🏽‍💻', 'Jane Doe'],
    ['Jan de Vries 🇳🇱', 'Jan de Vries'],
    ['Jane Doe | 🚀', 'Jane Doe'],
    ['  Jane \n\t Doe  ', 'Jane Doe'],
    ['María José García-López', 'María José García-López'],
  ])('%j → %j', (input, expected) => {
    expect(cleanPersonName(input)).toBe(expected);
  });

  it('keeps honorifics and credentials: they are part of how the person writes their name', () => {
    expect(cleanPersonName('Dr. Jane Doe, PhD')).toBe('Dr. Jane Doe, PhD');
  });

  it('keeps brackets that are not pronouns', () => {
    expect(cleanPersonName('Robert (Bob) Smith')).toBe('Robert (Bob) Smith');
    expect(cleanPersonName('<img src=x onerror=alert(1)>Eve')).toBe('<img src=x onerror=alert(1)>Eve');
  });

  it('keeps digits and the # sign, which are emoji only as keycaps', () => {
    expect(cleanPersonName('Agent 47 #1')).toBe('Agent 47 #1');
  });
});

describe('splitting a name by its culture', () => {
  it.each([
    ['Tomás Álvarez Ruiz', {}, { firstName: 'Tomás', lastName: 'Álvarez Ruiz' }],
    ['María José García López', {}, { firstName: 'María José', lastName: 'García López' }],
    ['Gustavo Pereira da Silva', { country: 'BR' }, { firstName: 'Gustavo', lastName: 'Pereira da Silva' }],
    ['Lucía Fernández de Córdoba', { lang: 'es' }, { firstName: 'Lucía', lastName: 'Fernández de Córdoba' }],
    ['Francisco Javier Moreno Castillo', { lang: 'es-ES' }, { firstName: 'Francisco Javier', lastName: 'Moreno Castillo' }],
    ['Carmen Ortega Blanco', {}, { firstName: 'Carmen', lastName: 'Ortega Blanco' }],
    ['Aoife Ní Bhriain', {}, { firstName: 'Aoife', lastName: 'Ní Bhriain' }],
    ['Fatima Zahra El Amrani', {}, { firstName: 'Fatima Zahra', lastName: 'El Amrani' }],
    ['山田 太郎', {}, { firstName: '太郎', lastName: '山田' }],
    ['王小明', {}, { firstName: '小明', lastName: '王' }],
    ['欧阳娜娜', {}, { firstName: '娜娜', lastName: '欧阳' }],
    ['김민준', {}, { firstName: '민준', lastName: '김' }],
    ['DUPONT Jean-Pierre', {}, { firstName: 'Jean-Pierre', lastName: 'DUPONT' }],
    ['Me Claire Dubois', {}, { firstName: 'Claire', lastName: 'Dubois' }],
    ['Dipl.-Ing. Jürgen Schäfer', {}, { firstName: 'Jürgen', lastName: 'Schäfer' }],
    ['Robert Chen, CPCU', {}, { firstName: 'Robert', lastName: 'Chen' }],
    ['राहुल वर्\u200dमा', {}, { firstName: 'राहुल', lastName: 'वर्\u200dमा' }],
  ])('%s', (name, context, expected) => {
    expect(splitName(name, context)).toEqual(expected);
  });

  it('says when the split is a guess', () => {
    expect(splitName('Mary Ann Smith')).toEqual({ firstName: 'Mary Ann', lastName: 'Smith', uncertain: true });
    expect(splitName('山田太郎', { lang: 'ja' })).toMatchObject({ lastName: '山田', firstName: '太郎', uncertain: true });
    expect(splitName('John F. Kennedy').uncertain).toBeUndefined();
  });
});
