// What banks accept in a transfer: the account holder in capitals without diacritics, a description in plain
// ASCII letters and digits. Đ has no Unicode decomposition (and Ð is typed for it), so it is mapped by hand;
// stripping combining marks alone would leave it, and the bank would reject the line.

const COMBINING = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Vietnamese text → ASCII letters, digits and spaces: marks dropped, đ → d, anything else becomes a space. */
export function plainAscii(text: string): string {
  // Most texts here (line IDs, references, codes) are ASCII already: only the last step can change them.
  if (ASCII.test(text)) return text.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
}

/** Cuts at the last space that keeps the text within max characters, or hard at max when a word is longer. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  return (space > 0 ? head.slice(0, space) : text.slice(0, max)).trim();
}

/** 'Nguyễn Thị Đào' → 'NGUYEN THI DAO': letters and single spaces only, within max characters. */
export function accountHolderName(name: string, max: number): string {
  const letters = plainAscii(name).replace(/[0-9]/g, ' ').replace(/\s+/g, ' ').trim();
  return cut(letters.toUpperCase(), max);
}

/**
 * Fills {programme} {mm} {yyyy} {ref} in the template, then makes it plain upper-case ASCII within max characters.
 * The reference is what lets a bank's return be traced to its line, so when the text is too long the programme is
 * shortened first, then the words before the reference are cut, never the reference itself (unless it alone is
 * longer than max).
 */
export function descriptionText(
  template: string,
  values: { readonly programme: string; readonly period: string; readonly ref: string },
  max: number,
): string {
  const yyyy = values.period.slice(0, 4);
  const mm = values.period.slice(5, 7);
  const fill = (t: string): string =>
    t.replaceAll('{programme}', values.programme).replaceAll('{mm}', mm).replaceAll('{yyyy}', yyyy);
  const full = plainAscii(fill(template).replaceAll('{ref}', values.ref)).replace(/\s+/g, ' ').toUpperCase();
  if (full.length <= max) return full;
  // A long programme name is shortened first: the month paid and the reference matter more to the person
  // reading the statement and to the bank's return.
  if (template.includes('{programme}') && values.programme !== '') {
    const without = descriptionText(template, { ...values, programme: '' }, Number.MAX_SAFE_INTEGER);
    const room = max - without.length - 1;
    if (room >= 2) return descriptionText(template, { ...values, programme: plainAscii(values.programme).slice(0, room).trim() }, max);
  }
  const ref = plainAscii(values.ref).toUpperCase();
  if (!template.includes('{ref}') || ref.length === 0 || ref.length + 2 > max) return cut(full, max);
  const rest = plainAscii(fill(template.replaceAll('{ref}', ' '))).replace(/\s+/g, ' ').toUpperCase();
  const room = max - ref.length - 1;
  const head = cut(rest, room);
  return head === '' ? ref : `${head} ${ref}`;
}
