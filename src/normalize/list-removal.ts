// What the list itself says about a person who should no longer be paid: a note that they died, moved away or
// were cut or suspended. Officers write it in the note column, in any spare column, or in brackets after the
// name, in any case and often without marks, so it is read folded. Notes that change nothing ("Đã có TK", "Con
// gái nhận hộ", "Tăng mới T11") match none of these.
import { foldText } from './fold.js';

export type ListRemoval = 'deceased' | 'moved' | 'stopped';

// Folded. "mất sức" (lost the capacity to work) and "mất tích" are not deaths; "chuyển đến" is moving in.
const RULES: readonly (readonly [ListRemoval, RegExp])[] = [
  ['deceased', /\b(da chet|chet|tu tran|qua doi|tu vong|da mat(?! (cccd|cmnd|giay|the|so|suc|kha nang|lien lac|tich))|mat (ngay|thang|nam|luc|hom|vao|t\d|\d))\b|^mat$/],
  ['moved', /\b(chuyen (di|khau|ho khau|nhan khau|noi o|noi khac|cu tru|ve|sang|qua|xa khac|huyen khac|tinh khac|dia ban)|da chuyen(?! den)|di khoi dia (phuong|ban)|khong con (o|cu tru|sinh song)\b)/],
  [
    'stopped',
    /\b(cat (tu|tro cap|tc|huong|che do|khoi danh sach|giam|ds)|da cat|bi cat|thoi (huong|chi tra|chi|tro cap|tc)|tam dung|tam ngung|dinh chi|dung (chi|huong|tro cap|tc|cap)|ngung (chi|huong|tro cap|tc|cap)|het (huong|tuoi huong|han huong))\b/,
  ],
];

export interface RemovalNote {
  readonly kind: ListRemoval;
  /** The text that says so, as written. */
  readonly text: string;
}

/** The first removal a text states, or null. */
export function removalIn(text: string): RemovalNote | null {
  const folded = foldText(text).replace(/[.,;:!?()[\]/-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '') return null;
  for (const [kind, rule] of RULES) if (rule.test(folded)) return { kind, text };
  return null;
}
