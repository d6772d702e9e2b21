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
.day-maps{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.day-map{margin:0;background:#fff;border:1px solid #dfe4e0;border-radius:6px;padding:4px}
.day-map figcaption{font-size:12px;font-weight:600;padding:0 4px}
.day-map svg{max-width:100%;height:auto}
.kpi-defs ul{margin:4px 0;padding-left:18px;font-size:12.5px;columns:2 28em}
.kpi-defs h3{margin-top:10px}
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
.tile.warn{border-color:#d7191c;background:#fff5f4}
.tile.warn b{color:#b2182b}
#attention h2{border-bottom-color:#d7191c}
.attention-list{margin:8px 0;padding-left:28px;max-width:72em}
.attention-item{margin:0 0 10px;padding:6px 10px;border-left:4px solid #999;background:#fff}
.attention-item.high{border-left-color:#d7191c}
.attention-item.medium{border-left-color:#fdae61}
.attention-item.low{border-left-color:#bbb}
.attention-item .sev{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:.04em;padding:0 6px;border-radius:3px;background:#eee;color:#333}
.attention-item.high .sev{background:#d7191c;color:#fff}
.attention-item.medium .sev{background:#fdae61;color:#222}
.attention-item .why,.attention-item .msg,.attention-item .ids{font-size:12.5px;color:#333;margin-top:2px}
.attention-item .todo{font-size:12.5px;margin-top:2px;font-style:italic}
.attention-item .ids a{white-space:nowrap}
.code{border-bottom:1px dotted #888;cursor:help}
tr:target td{background:#fff3bf}
.spark{vertical-align:middle;margin-right:4px}
.chg{font-size:11px;margin-left:4px}
.chg.up{color:#1a7f37}
.chg.down{color:#b2182b}
.chg.nm{color:#888}
.trend-periods{font-size:12.5px;color:#333;margin:4px 0;padding-left:20px}
dl.defs dt{font-weight:600;margin-top:6px}
dl.defs dd{margin:0 0 0 16px;color:#333}
caption{caption-side:top;text-align:left;font-size:11px;color:#666;padding:2px 0}
td.wrap,th.wrap{white-space:normal;min-width:140px;max-width:240px}
.charts svg{max-width:100%;height:auto}
tbody tr>:first-child{position:sticky;left:0;background:#fff}
thead tr>:first-child{position:sticky;left:0}
@media (max-width:640px){
body{padding:12px 10px 32px;font-size:13px}
h1{font-size:19px}
.tile{min-width:0;flex:1 1 40%;padding:6px 10px}
.tile b{font-size:17px}
.attention-list{padding-left:20px}
.attention-item{padding:6px 8px}
}
@page{size:A4 landscape;margin:10mm}
@media print{
body{padding:0;background:#fff;font-size:10.5px}
h1{font-size:18px}
h2{font-size:14px;margin-top:14px;break-after:avoid}
h3{break-after:avoid}
.tiles{gap:6px}
.tile{padding:4px 8px;min-width:90px}
.tile b{font-size:15px}
.table-wrap{overflow:visible}
table{font-size:9.5px}
th,td{padding:2px 4px}
thead{display:table-header-group}
tr,.attention-item,.charts svg,.day-map{break-inside:avoid}
tbody tr>:first-child,thead tr>:first-child{position:static}
a{color:inherit;text-decoration:none}
.map-wrap{display:block;border:0;padding:0}
.map-wrap svg{max-height:175mm;width:auto}
.note{max-width:none}
}
`;
