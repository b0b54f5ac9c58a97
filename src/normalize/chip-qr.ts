// What a CCCD chip card's QR code types into a cell when an officer scans it with a reader that acts as a
// keyboard: "ID|old CMND|name|ddmmyyyy|sex|address|issue date ddmmyyyy". The old CMND part may be empty.

export interface ChipQr {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly name: string | null;
  /** The birth date as written on the card, d/m/yyyy. */
  readonly birth: { readonly day: number; readonly month: number; readonly year: number } | null;
  readonly sex: 'M' | 'F' | null;
  readonly address: string | null;
}

function ddmmyyyy(text: string): ChipQr['birth'] {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { day, month, year } : null;
}

/** The card's fields when the text is such a string, else null. */
export function parseChipQr(text: string): ChipQr | null {
  const parts = text.trim().split('|');
  if (parts.length < 6 || parts.length > 8) return null;
  const id = parts[0]!.trim();
  if (!/^\d{12}$/.test(id)) return null;
  const old = parts[1]!.trim();
  const sexText = parts[4]!.trim().normalize('NFC').toLowerCase();
  return {
    personalId: id,
    oldId: /^\d{9}$/.test(old) ? old : null,
    name: parts[2]!.trim() || null,
    birth: ddmmyyyy(parts[3]!),
    sex: sexText === 'nam' ? 'M' : sexText === 'nữ' || sexText === 'nu' ? 'F' : null,
    address: parts[5]!.trim() || null,
  };
}
