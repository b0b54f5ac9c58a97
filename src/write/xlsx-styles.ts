// The looks of a workbook's cells and its styles part: each look used gets one cell format (xf), numbered in the
// order first used, so the same sheets give the same styles.xml.

/** Built-in number formats of OOXML: 49 is text ('@'), 3 is '#,##0'; 164 is the first custom one. */
export const NUM_FMT = { general: 0, integer: 3, text: 49, date: 164 } as const;
export type NumFmt = (typeof NUM_FMT)[keyof typeof NUM_FMT];

export interface Look {
  readonly numFmt: NumFmt;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Light yellow: a doubtful value. */
  readonly lit?: boolean;
  /** Thin black lines round the cell. */
  readonly boxed?: boolean;
  readonly centred?: boolean;
  readonly middle?: boolean;
  readonly wrap?: boolean;
}

const FONTS = ['', '<b/>', '<i/>', '<b/><i/>'];
const FONT_TAIL = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const BORDER_LINE = '<color rgb="FF000000"/>';
const BOX =
  `<border><left style="thin">${BORDER_LINE}</left><right style="thin">${BORDER_LINE}</right>` +
  `<top style="thin">${BORDER_LINE}</top><bottom style="thin">${BORDER_LINE}</bottom><diagonal/></border>`;

export class StyleTable {
  private readonly ids = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The cell format number of `look`; 0 is the plain look, which a cell need not name. */
  id(look: Look): number {
    const font = (look.bold ? 1 : 0) + (look.italic ? 2 : 0);
    const key = `${look.numFmt}/${font}/${look.lit ? 1 : 0}/${look.boxed ? 1 : 0}/${look.centred ? 1 : 0}/${look.middle ? 1 : 0}/${look.wrap ? 1 : 0}`;
    if (key === '0/0/0/0/0/0/0') return 0;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.ids.set(key, id);
      this.xfs.push(xf(look, font));
    }
    return id;
  }

  xml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<numFmts count="1"><numFmt numFmtId="${NUM_FMT.date}" formatCode="dd/mm/yyyy"/></numFmts>` +
      `<fonts count="${FONTS.length}">${FONTS.map((f) => `<font>${f}${FONT_TAIL}</font>`).join('')}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${BOX}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

function xf(look: Look, font: number): string {
  const fill = look.lit ? 2 : 0;
  const border = look.boxed ? 1 : 0;
  let applied = '';
  if (look.numFmt !== NUM_FMT.general) applied += ' applyNumberFormat="1"';
  if (font !== 0) applied += ' applyFont="1"';
  if (fill !== 0) applied += ' applyFill="1"';
  if (border !== 0) applied += ' applyBorder="1"';
  const align = (look.centred ? ' horizontal="center"' : '') + (look.middle ? ' vertical="center"' : '') + (look.wrap ? ' wrapText="1"' : '');
  const head = `<xf numFmtId="${look.numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}`;
  return align ? `${head} applyAlignment="1"><alignment${align}/></xf>` : `${head}/>`;
}
