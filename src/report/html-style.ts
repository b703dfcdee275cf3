/** Colours of the severities, also written inline on badges because some mail clients drop <style>. */
export const SEVERITY_COLOR = { error: '#b42318', warn: '#b54708', info: '#175cd3' } as const;

// Simple selectors only and no custom properties: mail clients support little more.
export const STYLE = `
body{margin:0;padding:16px;background:#f4f5f7;color:#1d2939;font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.wrap{max-width:1000px;margin:0 auto;background:#ffffff;border:1px solid #d0d5dd;padding:20px 24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #d0d5dd}
h3{font-size:15px;margin:20px 0 6px}
p{margin:6px 0}
a{color:#175cd3;overflow-wrap:anywhere}
.meta{color:#475467;margin:0}
.muted{color:#667085}
.lead{margin:12px 0;padding:8px 12px;border-left:4px solid #175cd3;background:#f5f8ff}
.lead p{margin:4px 0}
.more{color:#475467;font-style:italic}
table{border-collapse:collapse}
table.data{width:100%;margin:6px 0 12px;font-size:13px}
table.data th,table.data td{border-bottom:1px solid #eaecf0;padding:4px 6px;text-align:left;vertical-align:top}
table.data th{background:#f2f4f7;font-weight:600}
table.data td{overflow-wrap:anywhere}
table.data .num{text-align:right;white-space:nowrap}
table.data .key{white-space:nowrap}
table.data .name{min-width:90px}
table.data.narrow{width:auto;min-width:50%}
table.data .gauge{width:40%}
.bar{height:12px;line-height:12px;font-size:1px;min-width:1px}
table.headline{width:100%;margin:12px 0;table-layout:fixed}
table.headline td{border:1px solid #d0d5dd;padding:8px 4px;text-align:center;vertical-align:top}
.value{display:block;font-size:20px;font-weight:700}
.value.money{font-size:15px;line-height:24px}
.label{display:block;color:#475467;font-size:12px}
.sev{display:inline-block;padding:0 6px;border-radius:3px;color:#ffffff;font-size:12px;font-weight:600}
details{border:1px solid #eaecf0;margin:4px 0;padding:4px 8px}
summary{cursor:pointer;overflow-wrap:anywhere}
table.kv th{width:34%;background:transparent;color:#475467;font-weight:normal}
.chart{display:block;max-width:100%;height:auto;color:#1d2939}
.notes li{color:#475467;overflow-wrap:anywhere}
@media (max-width:700px){
body{padding:0}
.wrap{border:0;padding:12px}
table.data{font-size:12px}
table.data th,table.data td{padding:3px 4px}
.value{font-size:16px}
.value.money{font-size:12px}
}
@media print{
@page{margin:14mm}
body{background:#ffffff;color:#000000;padding:0;font-size:11pt}
.wrap{max-width:none;border:0;padding:0}
section{break-before:page}
section:first-child{break-before:auto}
h2,h3{break-after:avoid}
tr,details,.chart{break-inside:avoid}
thead{display:table-header-group}
details{border-color:#d0d5dd}
details::details-content{content-visibility:visible;display:block}
details{margin:3px 0;padding:2px 6px}
table.kv{font-size:9pt;margin:2px 0}
table.kv th,table.kv td{padding:1px 4px;border-bottom:0}
table.kv th{width:28%}
summary{list-style:none}
summary::-webkit-details-marker{display:none}
a{color:#000000;text-decoration:none}
.lead{background:transparent}
}
@media (prefers-color-scheme: dark){
body{background:#0c111d;color:#e4e7ec}
.wrap{background:#161b26;border-color:#333741}
h2{border-color:#333741}
a{color:#84adff}
.meta,.label,.notes li,table.kv th,.more{color:#94969c}
.muted{color:#85888e}
.lead{background:#1f242f}
table.data th{background:#1f242f}
table.data th,table.data td,details{border-color:#333741}
table.headline td{border-color:#333741}
.chart{color:#e4e7ec}
}
`.trim();
