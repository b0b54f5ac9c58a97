// A bank's result column, in whatever words the bank uses: Vietnamese ("Thành công", "Thất bại", "Lỗi") or
// English ("success", "failed", "OK"), any case, with or without marks. Failure words are tried first, so
// "Không thành công" is a failure and not a success.
import { foldText } from '../normalize/fold.js';

const FAILED = ['khong thanh cong', 'that bai', 'loi', 'failed', 'fail', 'failure', 'error', 'rejected', 'reject', 'rjct', 'tu choi', 'tra lai', 'returned', 'huy', 'cancelled', 'canceled'];
const PAID = ['thanh cong', 'da chuyen', 'da chi', 'da thanh toan', 'hoan thanh', 'success', 'successful', 'succeeded', 'ok', 'paid', 'completed', 'done', 'acsc'];

function words(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function startsWithWord(text: string, word: string): boolean {
  return text === word || text.startsWith(`${word} `);
}

/** 'paid', 'failed', or null when the text says neither. `rest` is what follows the status word (often the reason). */
export function returnStatus(text: string): { status: 'paid' | 'failed'; rest: string } | { status: null; rest: string } {
  const folded = words(text);
  for (const [status, list] of [['failed', FAILED], ['paid', PAID]] as const) {
    const word = list.find((w) => startsWithWord(folded, w));
    if (word) {
      // The rest is cut from the original text so the reason keeps its Vietnamese marks.
      const rest = text.trim().split(/\s+/).slice(word.split(' ').length).join(' ').replace(/^[\s:;,.\-–()]+/, '').replace(/\)$/, '').trim();
      return { status, rest };
    }
  }
  return { status: null, rest: text.trim() };
}
