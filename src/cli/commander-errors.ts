// Commander's own usage errors (unknown option, missing required option …) in the run's language. Commander
// writes them in English; main.ts prints them as any other usage error, and this turns its wording into Vietnamese.
import type { Said } from '../errors.js';

type Rule = readonly [pattern: RegExp, vi: (...m: string[]) => string];

// The patterns follow commander 14's wording (lib/command.js); an unknown wording stays English.
const RULES: readonly Rule[] = [
  [/^unknown option '(.+)'$/, (o) => `Không có tùy chọn '${o}'`],
  [/^required option '(.+)' not specified$/, (o) => `Thiếu tùy chọn bắt buộc '${o}'`],
  [/^option '(.+)' argument missing$/, (o) => `Tùy chọn '${o}' cần một giá trị`],
  [/^missing required argument '(.+)'$/, (a) => `Thiếu đối số bắt buộc '${a}'`],
  [/^unknown command '(.+)'$/, (c) => `Không có lệnh '${c}'`],
  [
    /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, expected, got) => `Thừa đối số${c ? ` cho lệnh '${c}'` : ''}: cần ${expected}, nhận được ${got}`,
  ],
  [
    /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (o, v, choices) => `Giá trị '${v}' của tùy chọn '${o}' không hợp lệ: chỉ nhận ${choices}`,
  ],
  [/^(.+) cannot be used with (.+)$/, (a, b) => `Không dùng được ${a} cùng với ${b}`],
];

const SUGGESTION: readonly Rule[] = [
  [/^\(Did you mean one of (.+)\?\)$/, (list) => `Có phải ý bạn là một trong: ${list}?`],
  [/^\(Did you mean (.+)\?\)$/, (word) => `Có phải ý bạn là ${word}?`],
];

function translate(rules: readonly Rule[], text: string): string {
  for (const [pattern, vi] of rules) {
    const m = pattern.exec(text);
    if (m) return vi(...m.slice(1).map((g) => g ?? ''));
  }
  return text;
}

/** Commander's message ("error: unknown option '--x'\n(Did you mean --y?)") as a message and a hint, in both languages. */
export function commanderSaid(message: string): { message: Said; hint: Said | undefined } {
  const [first = '', ...rest] = message.replace(/^error: /, '').split('\n');
  const suggestion = rest.join(' ').trim();
  return {
    message: { vi: translate(RULES, first), en: first },
    hint: suggestion === '' ? undefined : { vi: translate(SUGGESTION, suggestion), en: suggestion.replace(/^\((.*)\)$/, '$1') },
  };
}
