/** The report's inline stylesheet: system fonts only, no url(), no @import. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2327;background:#fafbfa}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid #dfe4e0}
h3{font-size:15px;margin:18px 0 6px}
.subtitle{color:#555;margin:0 0 16px}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.tile{background:#fff;border:1px solid #dfe4e0;border-radius:6px;padding:8px 14px;min-width:120px}
.tile b{display:block;font-size:20px}
.tile span{color:#555;font-size:12px}
.map-wrap{background:#fff;border:1px solid #dfe4e0;border-radius:6px;padding:8px;display:inline-block;max-width:100%}
.map-wrap svg{max-width:100%;height:auto}
.legend-list{display:flex;flex-wrap:wrap;gap:6px 16px;margin:8px 0;padding:0;list-style:none;font-size:12px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:50%;vertical-align:-2px;margin-right:5px;border:2px solid transparent}
.swatch.square{border-radius:2px}
.charts{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
.charts svg{background:#fff;border:1px solid #dfe4e0;border-radius:6px}
.table-wrap{overflow-x:auto;margin:8px 0}
table{border-collapse:collapse;background:#fff;font-size:12.5px}
th,td{border:1px solid #dfe4e0;padding:4px 8px;text-align:left;white-space:nowrap}
th{background:#eef2ef}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#fff;border:1px solid #dfe4e0;padding:8px;overflow-x:auto}
.note{color:#555;font-size:12.5px;max-width:60em}
dl.defs dt{font-weight:600;margin-top:6px}
dl.defs dd{margin:0 0 0 16px;color:#333}
`;
