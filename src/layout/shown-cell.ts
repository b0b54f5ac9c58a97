// A refusal ("no header found") shows the cells of the row it took for the header, so the officer sees what was
// read. When that row is data, those cells are personal data, and a terminal or a cron log must not carry them:
// a word found in some column header is shown as it is, any other word by its initial (as maskName leaves a
// name), and every run of three or more digits (IDs, birth years, amounts) keeps only its first two.
import { COLUMN_ALIASES, REPRESENTATIVE_MARKERS } from '../data/column-aliases.js';
import { headerKey } from './header-key.js';

// Words of list headers beyond the aliases (signature, totals, counts), folded.
const OTHER_HEADER_WORDS = ['ky', 'nhan', 'doi', 'tuong', 'tong', 'cong', 'tien', 'dong', 'vnd', 'thang', 'ghi', 'chu', 'neu', 'co', 'danh', 'sach', 'ho', 'ten', 'xa', 'thon'];

const HEADER_WORDS: ReadonlySet<string> = new Set([
  ...OTHER_HEADER_WORDS,
  ...[...COLUMN_ALIASES.flatMap((a) => a.headers), ...REPRESENTATIVE_MARKERS].flatMap((h) => headerKey(h).split(' ')),
]);

/** The cell as a refusal may show it: header words kept, other words by their initial, long numbers cut. */
export function shownCell(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s*$/.test(word)) return word;
      const key = headerKey(word);
      if (key === '' || HEADER_WORDS.has(key)) return maskDigits(word);
      if (!/\p{L}/u.test(word)) return maskDigits(word);
      return `${[...word.replace(/^[^\p{L}]+/u, '')][0] ?? ''}.`;
    })
    .join('');
}

function maskDigits(text: string): string {
  return text.replace(/\d{3,}/g, (run) => run.slice(0, 2) + '*'.repeat(run.length - 2));
}
