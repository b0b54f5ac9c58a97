// A person's name as people read it (display) and as the matcher compares it (key, folded, parts).
// i/y spellings (Lý/Lí, Kỳ/Kì) are kept as written: they are different spellings in the registry too, so they
// give different keys (lý ≠ lí, ly ≠ li); treating them as near-equal is the matcher's job, not a rewrite here.
import type { CellValue, Finding, Normalized, PersonName } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { cleanText, toneStyle } from './text.js';

// Letters, spaces, and the hyphen and apostrophe of some minority names (H'Hen Niê, Ksor H'Bia).
const ORDINARY = /^[\p{L}\p{M}' -]*$/u;

/** Upper-cases the first letter of each word, and after a hyphen or apostrophe; lower-cases the rest. */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[ '-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

export function normalizeName(raw: CellValue): Normalized<PersonName> {
  if (raw === null) return { value: null, findings: [] };
  if (raw instanceof Date || typeof raw === 'boolean') {
    return { value: null, findings: [finding('name_not_text', 'The name cell holds a date or TRUE/FALSE, not a name.')] };
  }
  const text = toneStyle(cleanText(String(raw)));
  if (text === '') return { value: null, findings: [] };
  if (!/\p{L}/u.test(text)) {
    return { value: null, findings: [finding('name_no_letters', 'The name cell holds no letters.')] };
  }

  const findings: Finding[] = [];
  if (/\d/.test(text)) findings.push(finding('name_has_digits', 'The name contains digits.'));
  else if (!ORDINARY.test(text)) findings.push(finding('name_unusual_characters', 'The name contains punctuation or symbols.'));

  const key = text.toLowerCase();
  const folded = foldText(key);
  const words = folded.split(' ');
  if (words.length === 1) findings.push(finding('name_one_word', 'The name is a single word.'));

  return {
    value: {
      display: titleCase(text),
      key,
      folded,
      // A one-word name is taken as the given name: that is the word people are called by.
      family: words.length > 1 ? (words[0] ?? '') : '',
      middle: words.slice(1, -1).join(' '),
      given: words[words.length - 1] ?? '',
    },
    findings,
  };
}
