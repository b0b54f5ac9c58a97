// The page's only stylesheet, inline: the report must open offline, from a USB stick or an e-mail attachment.
export const PAGE_STYLE = `
body{font-family:"Segoe UI",Arial,"Liberation Sans",sans-serif;font-size:14px;color:#1a1a1a;margin:24px auto;max-width:1200px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #1565c0;padding-bottom:4px}
.meta{color:#555;margin:0 0 16px}
.note{color:#444;font-size:13px;max-width:900px}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top}
th{background:#e8eef7;text-align:center}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.subtotal td{background:#f3f3f3;font-weight:600}
tr.total td{background:#e0e0e0;font-weight:700}
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.figure{border:1px solid #bbb;border-radius:4px;padding:8px 12px;min-width:150px}
.figure .v{display:block;font-size:20px;font-weight:700}
.chart{max-width:100%;height:auto;font-size:12px}
.chart text{font-family:inherit}
.scroll{overflow-x:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;
