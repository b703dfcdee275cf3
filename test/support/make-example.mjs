// Writes the bundled example export that `npm start` audits (fixtures/example/):
//   tickets.csv          ConnectWise-PSA-style service board list export, one row per ticket
//   ticket-history.csv   the audit trail of board/status/resource changes, sorted by Date Changed
//   expected.json        the oracle: for every ticket designed to produce findings, its categories
//
// Run from the repository root: `node test/support/make-example.mjs`. Deterministic (seeded PRNG, no
// clock), so every run rewrites the same bytes. The script also replays its own output against the
// default framework (rules/default.yaml) with a small independent judge and refuses to write if any
// ticket's categories differ from the design, or if a reasonable alternative reading of a rule
// (per stay vs cumulative, queue calendar vs office calendar, ...) would change the verdict: the
// oracle should only hold tickets whose verdict does not depend on such choices.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'fixtures', 'example');

// ---------------------------------------------------------------------------------------------------
// Time: naive local wall-clock minutes (America/New_York). The whole export lies inside EDT
// (2026-09-21 .. 2026-10-30; DST ends 2026-11-01), so plain minute arithmetic is exact.

const T = (mo, d, h = 0, mi = 0) => Date.UTC(2026, mo - 1, d, h, mi) / 60000;
const DAY = 1440;
const dayOf = (t) => Math.floor(t / DAY);

function fmt(t) {
  const x = new Date(t * 60000);
  const h = x.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(x.getUTCMinutes()).padStart(2, '0');
  return `${x.getUTCMonth() + 1}/${x.getUTCDate()}/${x.getUTCFullYear()} ${h12}:${mm} ${h < 12 ? 'AM' : 'PM'}`;
}

const HOLIDAYS = new Set(['01-01', '07-04', '12-25', '2026-05-25', '2026-09-07', '2026-11-26']);
function isOfficeDay(day) {
  const x = new Date(day * DAY * 60000);
  const wd = x.getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const iso = x.toISOString().slice(0, 10);
  return !HOLIDAYS.has(iso) && !HOLIDAYS.has(iso.slice(5));
}
function officeMinutes(a, b) {
  let sum = 0;
  for (let day = dayOf(a); day * DAY < b; day++) {
    if (!isOfficeDay(day)) continue;
    const s = Math.max(a, day * DAY + 480);
    const e = Math.min(b, day * DAY + 1080);
    if (e > s) sum += e - s;
  }
  return sum;
}
const wallMinutes = (a, b) => Math.max(0, b - a);

/** Start of the k-th office day after the day of t (k >= 1), as a day number. */
function workdayAfter(t, k) {
  let day = dayOf(t);
  while (k > 0) {
    day++;
    if (isOfficeDay(day)) k--;
  }
  return day;
}
const at = (day, h, mi) => day * DAY + h * 60 + mi;

// ---------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32).

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261005);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;

// ---------------------------------------------------------------------------------------------------
// The MSP: boards, people, clients, and what their tickets say.

const NOC_TECHS = ['jmartinez', 'dokafor', 'rpatel'];
const NIGHT_NOC = 'tnguyen';
const HD_TECHS = ['akim', 'bwilson', 'cflores', 'mgarcia', 'lchen'];
const SUP_TECHS = ['dschmidt', 'kobrien', 'ssato', 'pmorales', 'ewright'];

// Two clients have dedicated boards (aliases of the same queues in the default framework).
const COMPANIES = [
  'Harbor Dental Group', 'Pinecrest Veterinary Clinic', 'Northgate Logistics', 'Maple & Main Accounting',
  'Bright Path Learning Center', 'Coastal Title & Escrow', 'Riverside Orthopedics', 'Summit Ridge Builders',
  'Greenleaf Property Management', 'Lakeshore Family Law', 'Keystone Insurance Agency', 'Bluewater Marine Supply',
  'Oakwood Senior Living', 'Ironclad Manufacturing', 'Café Amélie', 'Hudson Valley Credit Union',
  'Redwood Architecture Studio', 'Smith, Patel & Associates CPAs',
];
const BOARDS = {
  default: { noc: 'NOC', triage: 'Help Desk', support: 'Support' },
  'Hudson Valley Credit Union': { noc: 'NOC', triage: 'Service Desk', support: 'Escalations' },
  'Ironclad Manufacturing': { noc: 'Network Operations', triage: 'Help Desk', support: 'Support' },
};
const boardsOf = (company) => BOARDS[company] ?? BOARDS.default;

const P1 = 'Priority 1 - Emergency Response';
const P2 = 'Priority 2 - Quick Response';
const P3 = 'Priority 3 - Normal Response';
const P4 = 'Priority 4 - Schedule Maintenance';

const HOSTS = ['FS01', 'DC01', 'APP01', 'SQL01', 'RECEPTION-PC3', 'ACCT-LT07', 'FRONTDESK-02', 'BILLING-PC2',
  'CONF-RM-PC', 'WH-SCAN01', 'EXAM-PC4', 'MGR-LT02', 'HYPERV01', 'NVR01', 'PRINTSRV'];
const SAY = {
  'Workstation/Login': ['Locked out of Windows after password change', 'MFA prompt not arriving on new phone',
    'Account locked out on front desk PC', 'Password expired, cannot get into email',
    'New hire cannot sign in to Microsoft 365', 'Forgot password for the practice management system',
    'Cannot log in to Citrix from home', 'Reset password for the scheduling portal'],
  'Workstation/Printer': ['Front desk printer jamming on every job', 'Cannot print to LaserJet in billing',
    'Scan to email stopped working on the Ricoh copier', 'Printer shows offline for the whole office',
    'Label printer printing blank labels', 'Printer prints, but only half the page'],
  'Workstation/Email': ['Shared mailbox missing from Outlook', 'Emails to a vendor bouncing back',
    'Calendar invites not showing on phone', 'Set up out-of-office for employee on leave',
    'Outlook search returns no results', 'Spam getting through, can we block this sender?'],
  'Workstation/Software': ['Adobe Acrobat asking for a license again', 'Teams camera not working in meetings',
    'Need Zoom installed on conference room PC', 'Excel crashes when opening large spreadsheet',
    'Chrome keeps redirecting to a strange search page', 'QuickBooks update failed, cannot open company file',
    'OneDrive not syncing Desktop folder'],
  'Workstation/Hardware': ['Second monitor not detected after restart', 'Laptop battery will not charge',
    'Keyboard and mouse unresponsive', 'Docking station not charging laptop', 'Headset mic not picked up'],
  'Network/Wireless': ['Wi-Fi drops in the back office every afternoon', 'Change guest Wi-Fi password',
    'Tablet will not join the staff Wi-Fi'],
  'Network/Internet': ['Internet very slow since this morning', 'Website for the county portal will not load'],
  'Network/Firewall': ['VPN disconnects every 10 minutes', 'Forward port 443 for new camera NVR',
    'Block social media sites on guest Wi-Fi', 'Site-to-site VPN to warehouse is down',
    'Firewall blocking new payroll vendor site'],
  'Network/Server': ['File server slow, mapped drives timing out', 'Domain controller time sync errors',
    'S: drive missing for all users', 'Server needs reboot after failed updates',
    'Terminal server sessions freezing'],
  'Alert/Backup Failure': (h) => [`Backup job failed: ${h} - Nightly`, `Veeam job '${h} daily' finished with errors`,
    `Datto: screenshot verification failed for ${h}`, `Offsite replication behind 48h for ${h}`],
  'Alert/Disk Space': (h) => [`Low disk space on C: (4% free) - ${h}`, `Volume D: below 10% free on ${h}`,
    `Disk usage over 90% on ${h}`],
  'Alert/Offline': (h) => [`Agent offline: ${h} not checked in for 30 min`, `Ping failure: ${h}`,
    `Device offline: ${h}`],
  'Alert/Patching': (h) => [`Patch install failed on ${h}`, `Reboot pending > 7 days on ${h}`,
    `Windows Update service disabled on ${h}`],
  'Alert/Antivirus': (h) => [`Threat quarantined on ${h}`, `AV definitions out of date on ${h}`,
    `Real-time protection disabled on ${h}`],
  'Alert/Service': (h) => [`Service stopped: SQL Server (MSSQLSERVER) on ${h}`, `Print Spooler stopped on ${h}`,
    `High CPU (> 95% for 15 min) on ${h}`],
  'Onsite/Installation': ['Install new reception printer and set up scan to folder', 'Mount and cable 2 new access points',
    'Set up workstations for 3 new hires', 'Install new switch in the IDF closet',
    'Set up conference room display and camera'],
  'Onsite/Hardware': ['Replace failed UPS battery in server closet', 'Swap failing switch in the front office',
    'Replace cracked laptop screen on site', 'Desk phone and PC dead after power outage'],
  'Project/Migration': ['Migrate file shares to SharePoint Online', 'Exchange to Microsoft 365 mailbox migration - phase 2',
    'Move QuickBooks to hosted server', 'Migrate on-prem print server to cloud printing'],
  'Project/Deployment': ['Windows 11 rollout - 25 laptops', 'Deploy new EDR agent to all endpoints',
    'Roll out MFA for all staff'],
  'Project/Network Design': ['Redesign office network for the new second floor', 'Plan VLANs for guest and camera networks'],
};
const say = (kind, host) => {
  const v = SAY[kind];
  return pick(typeof v === 'function' ? v(host) : v);
};

// ---------------------------------------------------------------------------------------------------
// Tickets: designed scenarios first, then generated clean traffic.

const CLOSED = ['closed', 'resolved', 'completed', 'cancelled'];
const PAUSED = ['waiting on customer', 'waiting customer', 'waiting on vendor', 'waiting on parts', 'scheduled'];
const isClosed = (s) => CLOSED.includes(s.toLowerCase());
const isPaused = (s) => PAUSED.includes(s.toLowerCase());

const CUTOFF = T(10, 30, 17, 45); // nothing generated after this; the designed last change is 17:52
const AS_OF = T(10, 30, 17, 52);
const tickets = [];

const CREATOR = { Phone: null, Email: 'zEmailConnector', Portal: 'zPortal', RMM: 'zAutomate', Monitoring: 'zMonitoring' };

/**
 * A ticket under construction. Boards are given by queue (noc, triage, support) and mapped to this client's board;
 * `go(minutes, patch)` adds a history row some wall minutes after the previous one.
 */
function ticket(spec) {
  const t = {
    company: spec.company ?? pick(COMPANIES), summary: spec.summary, priority: spec.priority ?? P3,
    type: spec.type, subtype: spec.subtype, source: spec.source, location: spec.location ?? 'Remote',
    expect: [...(spec.expect ?? [])].sort(), label: spec.label ?? 'clean', events: [], hours: spec.hours,
    gap: spec.gap ?? false,
  };
  tickets.push(t);
  const boards = boardsOf(t.company);
  let state = { board: '', status: 'New', res: '' };
  const api = {
    t,
    at(time, patch = {}) {
      const { by, ...rest } = patch;
      if (rest.board) rest.board = boards[rest.board] ?? rest.board;
      state = { ...state, ...rest };
      const who = by ?? (t.events.length === 0 ? CREATOR[t.source] ?? (state.res.split(', ')[0] || 'akim')
        : state.res.split(', ')[0] || 'zAdmin');
      t.events.push({ at: time, board: state.board, status: state.status, res: state.res, by: who });
      return api;
    },
    go(dt, patch) {
      return api.at(t.events[t.events.length - 1].at + dt, patch);
    },
    get last() {
      return t.events[t.events.length - 1].at;
    },
  };
  return api;
}

// Resolved tickets are closed by a workflow two office days later, unless that is past the export.
function autoClose(b, p = 0.45) {
  const last = b.t.events[b.t.events.length - 1];
  if (last.status !== 'Resolved' || !chance(p)) return b;
  const when = at(workdayAfter(last.at, 2), int(8, 9), int(0, 59));
  if (when <= CUTOFF) b.at(when, { status: 'Closed', by: 'zAdmin' });
  return b;
}

// ---- Designed scenarios ---------------------------------------------------------------------------
// Each comment gives the business minutes (bm) or hours (bh) that decide the verdict.

function scenarios() {
  const U = ['under-escalated'], O = ['over-escalated'], M = ['missed-de-escalation'], R = ['misrouted'];
  const S = ['stalled'], PP = ['ping-pong'];
  let b;

  // -- stale tickets from before the window, still open at the end: stalled-idle and aged-open.
  ticket({ company: 'Northgate Logistics', summary: 'Migrate file shares to SharePoint Online', type: 'Project',
    subtype: 'Migration', source: 'Email', priority: P4, expect: S, label: 'stale: idle since 10/6, 39 days old' })
    .at(T(9, 21, 9, 14), { board: 'support' }).go(26, { status: 'Assigned', res: 'pmorales' })
    .at(T(9, 22, 10, 5), { status: 'In Progress' }).at(T(9, 24, 14, 30), { status: 'In Progress', res: 'pmorales, ssato' })
    .at(T(10, 1, 11, 0), { status: 'Waiting on Customer' }).at(T(10, 6, 9, 40), { status: 'In Progress' });
  ticket({ company: 'Oakwood Senior Living', summary: 'Replace UPS batteries in server closet', type: 'Onsite',
    subtype: 'Hardware', source: 'Phone', location: 'On-Site', priority: P3, expect: S,
    label: 'stale: scheduled visit happened 9/30, nobody closed it' })
    .at(T(9, 23, 10, 2), { board: 'support', res: 'ewright' }).go(9, { status: 'Scheduled' })
    .at(T(9, 30, 8, 45), { status: 'In Progress', res: 'ewright, kobrien' });
  ticket({ company: 'Summit Ridge Builders', summary: 'Plotter RMA - waiting on HP for replacement unit', type: 'Onsite',
    subtype: 'Hardware', source: 'Email', location: 'On-Site', priority: P4, expect: S,
    label: 'stale: paused on vendor (not idle) but 34 days old' })
    .at(T(9, 25, 11, 20), { board: 'support' }).go(14, { status: 'Assigned', res: 'kobrien' })
    .at(T(9, 25, 15, 5), { status: 'In Progress' }).at(T(9, 28, 9, 30), { status: 'Waiting on Vendor' });
  b = ticket({ company: 'Lakeshore Family Law', summary: 'Document management add-in missing from Word', type: 'Workstation',
    subtype: 'Software', source: 'Email', expect: S, label: 'stale: escalated at 20 bm, idle since 10/13' })
    .at(T(9, 28, 8, 31), { board: 'triage' }).go(3, { status: 'Assigned', res: 'mgarcia' })
    .go(17, { board: 'support', status: 'Assigned', res: 'dschmidt' }).go(40, { status: 'In Progress' })
    .at(T(9, 29, 11, 15), { status: 'Waiting on Customer' }).at(T(10, 13, 10, 20), { status: 'In Progress' });

  // -- stalled inside the window.
  ticket({ company: 'Greenleaf Property Management', summary: 'Roll out MFA for all staff', type: 'Project',
    subtype: 'Deployment', source: 'Portal', priority: P4, expect: S, label: 'idle 54 bh (10/7 11:00 -> 10/14 15:00)' })
    .at(T(10, 6, 13, 10), { board: 'support' }).go(35, { status: 'Assigned', res: 'ssato' })
    .at(T(10, 7, 11, 0), { status: 'In Progress' }).at(T(10, 14, 15, 0), { status: 'In Progress' })
    .at(T(10, 15, 10, 30), { status: 'Resolved' });
  ticket({ company: 'Riverside Orthopedics', summary: 'Imaging workstation needs DICOM viewer upgrade', type: 'Workstation',
    subtype: 'Software', source: 'Phone', expect: S, label: 'open, idle since 10/21 11:00 (~62 bh)' })
    .at(T(10, 12, 9, 5), { board: 'triage', res: 'cflores' }).go(4, { status: 'Assigned' })
    .go(18, { board: 'support', status: 'New', res: '' }).go(12, { status: 'Assigned', res: 'kobrien' })
    .at(T(10, 13, 9, 30), { status: 'Waiting on Vendor' }).at(T(10, 21, 11, 0), { status: 'In Progress' });
  ticket({ company: 'Bluewater Marine Supply', summary: 'Mount and cable 2 new access points in the warehouse',
    type: 'Onsite', subtype: 'Installation', source: 'Email', location: 'On-Site', priority: P3, expect: S,
    label: 'idle 54 bh after the visit, then resolved' })
    .at(T(10, 19, 8, 48), { board: 'support' }).go(22, { status: 'Assigned', res: 'ewright' }).go(6, { status: 'Scheduled' })
    .at(T(10, 20, 10, 0), { status: 'In Progress' }).at(T(10, 27, 14, 0), { status: 'Resolved' });
  ticket({ company: 'Keystone Insurance Agency', summary: 'Agency management system integration keeps failing overnight',
    type: 'Workstation', subtype: 'Software', source: 'Email', expect: S, label: 'open, idle since 10/23 9:15 (~48 bh)' })
    .at(T(10, 21, 14, 2), { board: 'triage' }).go(5, { status: 'Assigned', res: 'lchen' })
    .go(19, { board: 'support', status: 'Assigned', res: 'pmorales' }).at(T(10, 22, 10, 0), { status: 'In Progress' })
    .at(T(10, 23, 9, 15), { status: 'In Progress', res: 'pmorales, dschmidt' });

  // -- under-escalated.
  ticket({ company: 'Harbor Dental Group', summary: 'QuickBooks will not open company file', type: 'Workstation',
    subtype: 'Software', source: 'Phone', expect: U, label: 'resolved in triage at 33 bm' })
    .at(T(10, 6, 9, 12), { board: 'triage' }).go(3, { status: 'Assigned', res: 'akim' }).go(5, { status: 'In Progress' })
    .go(25, { status: 'Resolved' });
  ticket({ company: 'Maple & Main Accounting', summary: 'Shared mailbox "AP Invoices" not showing in Outlook',
    type: 'Workstation', subtype: 'Email', source: 'Email', expect: U, label: 'moved to Support after 50 bm' })
    .at(T(10, 8, 13, 5), { board: 'triage' }).go(5, { status: 'Assigned', res: 'bwilson' }).go(2, { status: 'In Progress' })
    .go(43, { board: 'support', status: 'Assigned', res: 'dschmidt' }).go(25, { status: 'In Progress' })
    .at(T(10, 8, 16, 10), { status: 'Resolved' });
  ticket({ company: 'Pinecrest Veterinary Clinic', summary: 'Install new reception printer and set up scan to folder',
    type: 'Onsite', subtype: 'Installation', source: 'Phone', location: 'On-Site', expect: U,
    label: 'onsite work 25 bm in Help Desk (limit 15)' })
    .at(T(10, 12, 9, 30), { board: 'triage' }).go(4, { status: 'Assigned', res: 'cflores' })
    .go(21, { board: 'support', status: 'Assigned', res: 'ewright' }).go(10, { status: 'Scheduled' })
    .at(T(10, 13, 13, 0), { status: 'In Progress' }).at(T(10, 13, 15, 10), { status: 'Onsite Complete' })
    .go(20, { board: 'noc', status: 'Onsite Complete', res: 'jmartinez' }).go(8, { status: 'Closed' });
  ticket({ company: 'Coastal Title & Escrow', summary: 'VPN tunnel to the closing office is down', type: 'Network',
    subtype: 'Firewall', source: 'Phone', priority: P2, expect: U, label: 'firewall work 22 bm in Help Desk (limit 15)' })
    .at(T(10, 13, 9, 0), { board: 'triage', res: 'mgarcia' }).go(3, { status: 'Assigned' }).go(2, { status: 'In Progress' })
    .go(17, { board: 'support', status: 'Assigned', res: 'ssato' }).go(12, { status: 'In Progress' })
    .at(T(10, 13, 11, 40), { status: 'Resolved' });
  ticket({ company: 'Bright Path Learning Center', summary: 'Site offline: gateway unreachable, ISP handoff dead',
    type: 'Alert', subtype: 'Offline', source: 'Monitoring', location: 'On-Site', priority: P1, expect: U,
    label: 'on-site alert 40 min in NOC (limit 15), later a clean de-escalation' })
    .at(T(10, 14, 14, 0), { board: 'noc' }).go(5, { status: 'Assigned', res: 'dokafor' }).go(3, { status: 'In Progress' })
    .go(32, { board: 'support', status: 'Assigned', res: 'kobrien' }).go(10, { status: 'Scheduled' })
    .at(T(10, 15, 9, 0), { status: 'In Progress' }).at(T(10, 15, 10, 30), { status: 'Onsite Complete' })
    .go(15, { board: 'noc', status: 'Onsite Complete', res: 'rpatel' }).go(7, { status: 'Closed' });
  ticket({ company: 'Redwood Architecture Studio', summary: 'Cannot get into Citrix, says "account disabled"',
    type: 'Workstation', subtype: 'Login', source: 'Portal', expect: U, label: 'triage 20 bm + pause + 15 bm = 35' })
    .at(T(10, 16, 10, 0), { board: 'triage' }).go(3, { status: 'Assigned', res: 'mgarcia' })
    .go(17, { status: 'Waiting on Customer' }).at(T(10, 19, 9, 10), { status: 'In Progress' })
    .go(15, { status: 'Resolved' });
  ticket({ company: 'Riverside Orthopedics', summary: 'Replace cracked laptop screen on site', type: 'Workstation',
    subtype: 'Hardware', source: 'Phone', location: 'On-Site', expect: U,
    label: 'Friday 17:40 onsite ticket left in Help Desk until Monday 8:20 (40 bm)' })
    .at(T(10, 23, 17, 40), { board: 'triage', res: 'lchen' }).at(T(10, 26, 8, 20), { board: 'support', status: 'Assigned', res: 'ewright' })
    .go(15, { status: 'Scheduled' }).at(T(10, 27, 9, 30), { status: 'In Progress' })
    .at(T(10, 27, 11, 0), { status: 'Onsite Complete' }).go(25, { status: 'Closed' });

  // -- misrouted (and one that is also under-escalated).
  ticket({ company: 'Keystone Insurance Agency', summary: `Low disk space on C: (4% free) - ${'FRONTDESK-02'}`, type: 'Alert',
    subtype: 'Disk Space', source: 'RMM', expect: R, label: 'RMM alert worked 22 bm on Help Desk' })
    .at(T(10, 6, 14, 30), { board: 'triage' }).go(5, { status: 'Assigned', res: 'bwilson' }).go(17, { status: 'Resolved' });
  ticket({ company: 'Smith, Patel & Associates CPAs', summary: 'Cannot print to LaserJet in billing', type: 'Workstation',
    subtype: 'Printer', source: 'Phone', expect: R, label: 'phone call about a printer worked on NOC' })
    .at(T(10, 8, 11, 0), { board: 'noc', res: 'rpatel' }).go(5, { status: 'Assigned' }).go(10, { status: 'In Progress' })
    .go(25, { status: 'Resolved' });
  ticket({ company: 'Café Amélie', summary: 'POS terminal emails not arriving, receipts stuck in outbox', type: 'Workstation',
    subtype: 'Email', source: 'Email', expect: R, label: 'email about Outlook sat 30 min on NOC, then Help Desk 12 bm' })
    .at(T(10, 9, 10, 15), { board: 'noc' }).go(30, { board: 'triage', status: 'New' }).go(2, { status: 'Assigned', res: 'akim' })
    .go(10, { status: 'Resolved' });
  ticket({ company: 'Hudson Valley Credit Union', summary: 'Agent offline: TELLER-PC2 not checked in for 30 min', type: 'Alert',
    subtype: 'Offline', source: 'RMM', expect: R, label: 'RMM alert 15 min on the client Service Desk board' })
    .at(T(10, 15, 11, 5), { board: 'triage' }).go(15, { board: 'noc', status: 'Assigned', res: 'dokafor' })
    .go(20, { status: 'Closed' });
  ticket({ company: 'Oakwood Senior Living', summary: 'Patch install failed on NURSE-STN1', type: 'Alert', subtype: 'Patching',
    source: 'Monitoring', expect: R, label: 'monitoring alert closed on Help Desk in 18 bm' })
    .at(T(10, 27, 15, 20), { board: 'triage' }).go(6, { status: 'Assigned', res: 'cflores' }).go(12, { status: 'Resolved' });
  ticket({ company: 'Ironclad Manufacturing', summary: 'Need Visio installed for the plant manager', type: 'Workstation',
    subtype: 'Software', source: 'Portal', expect: R, label: 'portal software request worked on Network Operations' })
    .at(T(10, 29, 9, 40), { board: 'noc' }).go(20, { status: 'Assigned', res: 'jmartinez' }).go(30, { status: 'In Progress' })
    .go(70, { status: 'Resolved' });
  ticket({ company: 'Lakeshore Family Law', summary: 'Veeam job \'FS01 daily\' finished with errors', type: 'Alert',
    subtype: 'Backup Failure', source: 'RMM', expect: [...R, ...U], label: 'RMM alert on Help Desk for 48 bm' })
    .at(T(10, 20, 11, 0), { board: 'triage' }).go(6, { status: 'Assigned', res: 'lchen' }).go(4, { status: 'In Progress' })
    .go(38, { status: 'Resolved' });

  // -- over-escalated.
  ticket({ company: 'Harbor Dental Group', summary: 'Outlook keeps asking for password', type: 'Workstation', subtype: 'Email',
    source: 'Phone', expect: O, label: 'Help Desk -> Support after 10 bm, no criterion' })
    .at(T(10, 5, 10, 10), { board: 'triage', res: 'akim' }).go(2, { status: 'Assigned' })
    .go(8, { board: 'support', status: 'Assigned', res: 'dschmidt' }).go(30, { status: 'Resolved' });
  ticket({ company: 'Maple & Main Accounting', summary: 'Printer offline for accounting, again', type: 'Workstation',
    subtype: 'Printer', source: 'Email', expect: O, label: 'email about a printer entered Support directly' })
    .at(T(10, 7, 9, 40), { board: 'support' }).go(10, { status: 'Assigned', res: 'kobrien' }).go(40, { status: 'Resolved' });
  ticket({ company: 'Northgate Logistics', summary: 'Volume D: below 10% free on WH-SCAN01', type: 'Alert', subtype: 'Disk Space',
    source: 'RMM', expect: O, label: 'RMM alert created straight on Support' })
    .at(T(10, 15, 14, 10), { board: 'support' }).go(10, { status: 'Assigned', res: 'ssato' }).go(45, { status: 'Resolved' });
  ticket({ company: 'Greenleaf Property Management', summary: 'Backup job failed: FS01 - Nightly', type: 'Alert',
    subtype: 'Backup Failure', source: 'RMM', expect: O, label: 'NOC -> Support after 5 min' })
    .at(T(10, 20, 10, 0), { board: 'noc' }).go(2, { status: 'Assigned', res: 'jmartinez' })
    .go(3, { board: 'support', status: 'Assigned', res: 'pmorales' }).go(85, { status: 'Resolved' });
  ticket({ company: 'Hudson Valley Credit Union', summary: 'Teller app update, please install on all 6 teller PCs',
    type: 'Workstation', subtype: 'Software', source: 'Portal', expect: O, label: 'portal request entered Escalations directly' })
    .at(T(10, 22, 9, 25), { board: 'support' }).go(15, { status: 'Assigned', res: 'dschmidt' }).go(20, { status: 'In Progress' })
    .go(95, { status: 'Resolved' });
  ticket({ company: 'Bright Path Learning Center', summary: 'Locked out of Windows after password change', type: 'Workstation',
    subtype: 'Login', source: 'Phone', expect: O, label: 'Help Desk -> Support after 6 bm' })
    .at(T(10, 27, 13, 30), { board: 'triage', res: 'bwilson' }).go(6, { board: 'support', status: 'Assigned', res: 'ewright' })
    .go(12, { status: 'Password Reset' }).go(5, { status: 'Closed' });

  // -- missed de-escalation.
  ticket({ company: 'Summit Ridge Builders', summary: 'Set up workstations for 3 new hires', type: 'Onsite',
    subtype: 'Installation', source: 'Phone', location: 'On-Site', expect: M, label: 'Onsite Complete, closed in Support 13.5 bh later' })
    .at(T(10, 5, 8, 30), { board: 'support', res: 'ewright' }).go(10, { status: 'Assigned' }).go(5, { status: 'Scheduled' })
    .at(T(10, 6, 9, 0), { status: 'In Progress', res: 'ewright, kobrien' }).at(T(10, 6, 12, 0), { status: 'Onsite Complete' })
    .at(T(10, 7, 15, 30), { status: 'Closed', res: 'ewright' });
  ticket({ company: 'Coastal Title & Escrow', summary: 'Closing software throws an error, then logs the user out',
    type: 'Workstation', subtype: 'Software', source: 'Phone', expect: M, label: 'User Error in Support, closed 3h15 later' })
    .at(T(10, 8, 9, 0), { board: 'triage', res: 'cflores' }).go(3, { status: 'Assigned' })
    .go(17, { board: 'support', status: 'Assigned', res: 'kobrien' }).go(20, { status: 'In Progress' })
    .at(T(10, 8, 10, 30), { status: 'User Error' }).at(T(10, 8, 13, 45), { status: 'Closed' });
  ticket({ company: 'Riverside Orthopedics', summary: 'Cannot log in to the patient portal admin page', type: 'Workstation',
    subtype: 'Login', source: 'Email', expect: M, label: 'Password Reset in Support, closed 2h10 later' })
    .at(T(10, 14, 13, 0), { board: 'triage' }).go(4, { status: 'Assigned', res: 'akim' })
    .go(14, { board: 'support', status: 'Assigned', res: 'ssato' }).go(42, { status: 'Password Reset' })
    .at(T(10, 14, 16, 10), { status: 'Closed' });
  ticket({ company: 'Bluewater Marine Supply', summary: 'Install new switch in the IDF closet', type: 'Onsite',
    subtype: 'Installation', source: 'Phone', location: 'On-Site', expect: M, label: 'Onsite Complete -> NOC after 5 bh' })
    .at(T(10, 20, 8, 15), { board: 'support', res: 'pmorales' }).go(15, { status: 'Scheduled' })
    .at(T(10, 21, 9, 0), { status: 'In Progress' }).at(T(10, 21, 11, 0), { status: 'Onsite Complete' })
    .at(T(10, 21, 16, 0), { board: 'noc', status: 'Onsite Complete', res: 'dokafor' }).go(8, { status: 'Closed' });
  ticket({ company: 'Greenleaf Property Management', summary: 'Set up conference room display and camera', type: 'Onsite',
    subtype: 'Installation', source: 'Email', location: 'On-Site', expect: M,
    label: 'open at the end in Support, Onsite Complete since 10/29 10:00 (~18 bh)' })
    .at(T(10, 28, 9, 50), { board: 'support' }).go(20, { status: 'Assigned', res: 'kobrien' }).go(5, { status: 'Scheduled' })
    .at(T(10, 29, 8, 30), { status: 'In Progress' }).at(T(10, 29, 10, 0), { status: 'Onsite Complete' });
  ticket({ company: 'Pinecrest Veterinary Clinic', summary: 'Exam room PC will not power on', type: 'Onsite', subtype: 'Hardware',
    source: 'Phone', location: 'On-Site', priority: P2, expect: M,
    label: 'User Error (power strip off) in Support, to Help Desk 2h later' })
    .at(T(10, 26, 9, 5), { board: 'support', res: 'dschmidt' }).go(10, { status: 'In Progress' })
    .go(45, { status: 'User Error' }).go(120, { board: 'triage', status: 'User Error', res: 'mgarcia' })
    .go(6, { status: 'Closed' });

  // -- ping-pong.
  ticket({ company: 'Keystone Insurance Agency', summary: 'Excel crashes when opening the renewals workbook', type: 'Workstation',
    subtype: 'Software', source: 'Phone', expect: PP, label: 'Help Desk -> Support -> Help Desk' })
    .at(T(10, 7, 10, 20), { board: 'triage', res: 'bwilson' }).go(2, { status: 'Assigned' })
    .go(16, { board: 'support', status: 'Assigned', res: 'pmorales' }).go(20, { status: 'In Progress' })
    .go(100, { board: 'triage', status: 'Assigned', res: 'bwilson' }).go(8, { status: 'Resolved' });
  ticket({ company: 'Harbor Dental Group', summary: 'Datto: screenshot verification failed for DC01', type: 'Alert',
    subtype: 'Backup Failure', source: 'RMM', expect: [...R, ...PP], label: 'NOC -> Help Desk -> NOC' })
    .at(T(10, 13, 8, 40), { board: 'noc' }).go(4, { board: 'triage', status: 'New' })
    .go(12, { board: 'noc', status: 'Assigned', res: 'jmartinez' }).go(35, { status: 'Closed' });
  ticket({ company: 'Redwood Architecture Studio', summary: 'Mount new 75" display in the studio', type: 'Onsite',
    subtype: 'Installation', source: 'Email', location: 'On-Site', expect: PP, label: 'Support -> Help Desk -> Support' })
    .at(T(10, 15, 8, 20), { board: 'support' }).go(12, { board: 'triage', status: 'New' })
    .go(8, { board: 'support', status: 'Assigned', res: 'ewright' }).go(10, { status: 'Scheduled' })
    .at(T(10, 16, 13, 0), { status: 'In Progress' }).at(T(10, 16, 15, 30), { status: 'Resolved' });
  ticket({ company: 'Ironclad Manufacturing', summary: 'Site-to-site VPN to the warehouse keeps dropping', type: 'Network',
    subtype: 'Firewall', source: 'Phone', priority: P2, expect: PP, label: '5 board changes between Help Desk and Support' })
    .at(T(10, 19, 9, 0), { board: 'triage', res: 'lchen' }).go(4, { board: 'support', status: 'Assigned', res: 'ssato' })
    .go(60, { board: 'triage', status: 'Assigned', res: 'lchen' }).go(3, { board: 'support', status: 'In Progress', res: 'ssato' })
    .go(120, { board: 'triage', status: 'Assigned', res: 'lchen' }).go(5, { status: 'Resolved' });
  ticket({ company: 'Oakwood Senior Living', summary: 'Nurse call gateway offline', type: 'Alert', subtype: 'Offline',
    source: 'RMM', location: 'On-Site', priority: P1, expect: PP,
    label: 'NOC -> Support -> NOC -> Support -> NOC, de-escalations and a bounce' })
    .at(T(10, 21, 7, 30), { board: 'noc', res: NIGHT_NOC }).go(4, { board: 'support', status: 'Assigned', res: 'kobrien' })
    .at(T(10, 21, 9, 15), { status: 'In Progress' }).at(T(10, 21, 10, 10), { status: 'Onsite Complete' })
    .go(20, { board: 'noc', status: 'Onsite Complete', res: 'rpatel' })
    .go(5, { board: 'support', status: 'In Progress', res: 'kobrien' }).go(90, { status: 'Onsite Complete' })
    .go(15, { board: 'noc', status: 'Onsite Complete', res: 'rpatel' }).go(4, { status: 'Closed' });
  ticket({ company: 'Northgate Logistics', summary: 'Service stopped: SQL Server (MSSQLSERVER) on SQL01', type: 'Alert',
    subtype: 'Service', source: 'RMM', priority: P2, expect: PP, label: 'NOC -> Support -> NOC -> Support' })
    .at(T(10, 23, 10, 0), { board: 'noc' }).go(5, { status: 'Assigned', res: 'dokafor' })
    .go(25, { board: 'support', status: 'Assigned', res: 'dschmidt' }).go(60, { board: 'noc', status: 'Assigned', res: 'dokafor' })
    .go(20, { board: 'support', status: 'In Progress', res: 'dschmidt' }).go(70, { status: 'Resolved' });
  ticket({ company: 'Café Amélie', summary: 'Online ordering tablet cannot reach the printer', type: 'Workstation',
    subtype: 'Printer', source: 'Phone', expect: PP, label: 'Help Desk -> Support -> Help Desk (no user error)' })
    .at(T(10, 28, 11, 0), { board: 'triage', res: 'akim' }).go(18, { board: 'support', status: 'Assigned', res: 'pmorales' })
    .go(45, { board: 'triage', status: 'Assigned', res: 'akim' }).go(5, { status: 'Resolved' });

  // -- pause abuse and work after closure. Designed after the rest: they take free ticket numbers
  // (`gap`), so that every other ticket keeps the number it had.
  const PA = ['pause-abuse'], W = ['work-after-closure'];
  ticket({ company: 'Maple & Main Accounting', summary: 'Outlook profile corrupt after the Windows update', type: 'Workstation',
    subtype: 'Email', source: 'Phone', expect: PA, gap: true,
    label: 'Waiting on Customer at 27 of 30 bm, for a day; resolved at 29 bm' })
    .at(T(10, 7, 10, 0), { board: 'triage', res: 'cflores' }).go(3, { status: 'Assigned' }).go(24, { status: 'Waiting on Customer' })
    .at(T(10, 8, 11, 0), { status: 'In Progress' }).go(2, { status: 'Resolved' });
  ticket({ company: 'Lakeshore Family Law', summary: 'Replace the failing docking stations in the conference room',
    type: 'Workstation', subtype: 'Hardware', source: 'Phone', location: 'On-Site', expect: PA, gap: true,
    label: 'onsite work Scheduled on Help Desk at 12 of 15 bm; to Support next morning' })
    .at(T(10, 13, 14, 0), { board: 'triage', res: 'mgarcia' }).go(4, { status: 'Assigned' }).go(8, { status: 'Scheduled' })
    .at(T(10, 14, 9, 0), { board: 'support', status: 'Assigned', res: 'ewright' })
    .at(T(10, 15, 10, 0), { status: 'In Progress' }).at(T(10, 15, 11, 30), { status: 'Onsite Complete' })
    .go(20, { board: 'noc', status: 'Onsite Complete', res: 'rpatel' }).go(8, { status: 'Closed' });
  ticket({ company: 'Bright Path Learning Center', summary: 'Shared drive permissions for the new teachers', type: 'Workstation',
    subtype: 'Software', source: 'Email', expect: PA, gap: true, label: 'Waiting on Customer 17 business days, then closed' })
    .at(T(10, 1, 9, 0), { board: 'triage' }).go(6, { status: 'Assigned', res: 'bwilson' }).go(4, { status: 'Waiting on Customer' })
    .at(T(10, 26, 10, 0), { status: 'Closed' });
  ticket({ company: 'Coastal Title & Escrow', summary: 'E-recording portal rejects our signing certificate', type: 'Workstation',
    subtype: 'Software', source: 'Portal', expect: PA, gap: true, label: 'still Waiting on Customer at the end, 18.8 business days' })
    .at(T(10, 6, 10, 0), { board: 'triage' }).go(5, { status: 'Assigned', res: 'lchen' }).go(7, { status: 'Waiting on Customer' });
  ticket({ company: 'Smith, Patel & Associates CPAs', summary: 'Reset MFA for the office manager', type: 'Workstation',
    subtype: 'Login', source: 'Phone', expect: W, gap: true, label: 'resolved on Help Desk, moved to Support while Resolved' })
    .at(T(10, 8, 10, 0), { board: 'triage', res: 'akim' }).go(3, { status: 'Assigned' }).go(9, { status: 'Resolved' })
    .at(T(10, 8, 15, 0), { board: 'support', by: 'zAdmin' });
  ticket({ company: 'Ironclad Manufacturing', summary: 'Install the CAD viewer on the plant floor PCs', type: 'Project',
    subtype: 'Deployment', source: 'Email', priority: P4, expect: W, gap: true, label: 'Resolved in Support, reassigned the next day' })
    .at(T(10, 19, 13, 25), { board: 'support' }).go(20, { status: 'Assigned', res: 'dschmidt' })
    .at(T(10, 19, 16, 0), { status: 'In Progress' }).at(T(10, 20, 11, 0), { status: 'Resolved' })
    .at(T(10, 21, 10, 30), { res: 'ssato', by: 'ssato' });
  ticket({ company: 'Hudson Valley Credit Union', summary: 'Print Spooler stopped on TELLER-PC4', type: 'Alert', subtype: 'Service',
    source: 'RMM', expect: W, gap: true, label: 'closed on the NOC, moved to the Service Desk 3 hours later while Closed' })
    .at(T(10, 22, 9, 30), { board: 'noc' }).go(4, { status: 'Assigned', res: 'jmartinez' }).go(11, { status: 'Closed' })
    .at(T(10, 22, 13, 0), { board: 'triage', res: 'mgarcia', by: 'mgarcia' });
  ticket({ company: 'Oakwood Senior Living', summary: 'Nurse station label printer prints blank labels', type: 'Workstation',
    subtype: 'Printer', source: 'Phone', expect: W, gap: true, label: 'Resolved on Help Desk, reassigned 3 hours later' })
    .at(T(10, 26, 10, 20), { board: 'triage', res: 'cflores' }).go(2, { status: 'Assigned' }).go(14, { status: 'Resolved' })
    .at(T(10, 26, 13, 30), { res: 'bwilson', by: 'bwilson' });

  // -- near misses: clean, on the right side of a limit.
  ticket({ company: 'Smith, Patel & Associates CPAs', summary: 'Adobe Acrobat asking for a license again', type: 'Workstation',
    subtype: 'Software', source: 'Phone', label: 'near miss: resolved in triage at 28 bm' })
    .at(T(10, 7, 10, 2), { board: 'triage', res: 'cflores' }).go(2, { status: 'Assigned' }).go(26, { status: 'Resolved' });
  ticket({ company: 'Lakeshore Family Law', summary: 'Dictation software will not see the foot pedal', type: 'Workstation',
    subtype: 'Software', source: 'Phone', label: 'near miss: escalated after 16 bm' })
    .at(T(10, 6, 14, 0), { board: 'triage', res: 'lchen' }).go(3, { status: 'In Progress' })
    .go(13, { board: 'support', status: 'Assigned', res: 'dschmidt' }).go(50, { status: 'Resolved' });
  ticket({ company: 'Northgate Logistics', summary: 'Dock door scanner cradle dead, replace on site', type: 'Workstation',
    subtype: 'Hardware', source: 'Phone', location: 'On-Site', label: 'near miss: onsite moved to Support at 12 bm' })
    .at(T(10, 9, 9, 10), { board: 'triage', res: 'bwilson' }).go(12, { board: 'support', status: 'Assigned', res: 'ewright' })
    .go(10, { status: 'Scheduled' }).at(T(10, 12, 10, 0), { status: 'In Progress' }).at(T(10, 12, 11, 30), { status: 'Onsite Complete' })
    .go(35, { board: 'noc', status: 'Onsite Complete', res: 'jmartinez' }).go(9, { status: 'Closed' });
  ticket({ company: 'Maple & Main Accounting', summary: 'Install new switch in the copy room', type: 'Onsite',
    subtype: 'Installation', source: 'Email', location: 'On-Site', label: 'near miss: Onsite Complete -> NOC after 3.5 bh' })
    .at(T(10, 21, 8, 40), { board: 'support' }).go(15, { status: 'Assigned', res: 'kobrien' }).go(5, { status: 'Scheduled' })
    .at(T(10, 22, 8, 30), { status: 'In Progress' }).at(T(10, 22, 10, 0), { status: 'Onsite Complete' })
    .at(T(10, 22, 13, 30), { board: 'noc', status: 'Onsite Complete', res: 'rpatel' }).go(10, { status: 'Closed' });
  ticket({ company: 'Bright Path Learning Center', summary: 'Replace failed UPS battery in the MDF', type: 'Onsite',
    subtype: 'Hardware', source: 'Phone', location: 'On-Site',
    label: 'near miss: Onsite Complete at 17:20, NOC next morning 8:40 (80 bm, 15 wall hours)' })
    .at(T(10, 8, 9, 30), { board: 'support', res: 'pmorales' }).go(10, { status: 'Scheduled' })
    .at(T(10, 8, 15, 0), { status: 'In Progress' }).at(T(10, 8, 17, 20), { status: 'Onsite Complete' })
    .at(T(10, 9, 8, 40), { board: 'noc', status: 'Onsite Complete', res: 'dokafor' }).go(6, { status: 'Closed' });
  ticket({ company: 'Keystone Insurance Agency', summary: 'Rating software says the license server is unreachable',
    type: 'Workstation', subtype: 'Software', source: 'Phone',
    label: 'near miss: User Error in Support -> Help Desk after 45 bm (return by de-escalation)' })
    .at(T(10, 22, 10, 0), { board: 'triage', res: 'mgarcia' }).go(20, { board: 'support', status: 'Assigned', res: 'ssato' })
    .go(25, { status: 'In Progress' }).go(20, { status: 'User Error' }).go(45, { board: 'triage', status: 'User Error', res: 'mgarcia' })
    .go(8, { status: 'Closed' });
  ticket({ company: 'Summit Ridge Builders', summary: 'Estimating software add-on pack, install and license', type: 'Project',
    subtype: 'Deployment', source: 'Email', priority: P4, label: 'near miss: idle 25 bh in Support (limit 30)' })
    .at(T(10, 12, 9, 45), { board: 'support' }).go(15, { status: 'Assigned', res: 'dschmidt' })
    .at(T(10, 13, 10, 0), { status: 'In Progress' }).at(T(10, 15, 15, 0), { status: 'In Progress' })
    .at(T(10, 16, 11, 20), { status: 'Resolved' });
  ticket({ company: 'Greenleaf Property Management', summary: 'Tenant portal login page shows a certificate warning',
    type: 'Workstation', subtype: 'Software', source: 'Email',
    label: 'near miss: paused 6 days on customer, closed from Waiting' })
    .at(T(10, 6, 11, 10), { board: 'triage' }).go(4, { status: 'Assigned', res: 'akim' }).go(8, { status: 'Waiting on Customer' })
    .at(T(10, 14, 9, 5), { status: 'Closed', by: 'akim' });
  ticket({ company: 'Harbor Dental Group', summary: 'Practice management upgrade and data conversion', type: 'Project',
    subtype: 'Migration', source: 'Email', priority: P4, label: 'near miss: open 25 days, active to the end' })
    .at(T(10, 5, 8, 20), { board: 'support' }).go(40, { status: 'Assigned', res: 'pmorales' })
    .at(T(10, 6, 14, 0), { status: 'In Progress' }).at(T(10, 8, 10, 0), { status: 'Waiting on Vendor' })
    .at(T(10, 19, 9, 30), { status: 'In Progress' }).at(T(10, 20, 16, 0), { status: 'Scheduled' })
    .at(T(10, 24, 9, 0), { status: 'In Progress', res: 'pmorales, ssato', by: 'pmorales' }).at(T(10, 26, 15, 0), { status: 'In Progress', res: 'pmorales' })
    .at(T(10, 28, 11, 0), { status: 'In Progress' }).at(T(10, 30, 15, 0), { status: 'In Progress' });
  ticket({ company: 'Coastal Title & Escrow', summary: 'Scanner at closing desk saves blank PDFs', type: 'Workstation',
    subtype: 'Printer', source: 'Email', label: 'near miss: Friday 17:50 -> Monday 8:10 = 20 bm' })
    .at(T(10, 9, 17, 50), { board: 'triage' }).at(T(10, 12, 8, 2), { status: 'Assigned', res: 'bwilson' })
    .go(8, { status: 'Resolved' });
  ticket({ company: 'Bluewater Marine Supply', summary: 'Reboot pending > 7 days on POS-02', type: 'Alert', subtype: 'Patching',
    source: 'RMM', label: 'near miss: NOC alert open 5 hours overnight (24x7, no limit)' })
    .at(T(10, 10, 1, 12), { board: 'noc' }).go(8, { status: 'Assigned', res: NIGHT_NOC })
    .at(T(10, 10, 6, 20), { status: 'Resolved' });
  ticket({ company: 'Hudson Valley Credit Union', summary: 'Drive-through camera offline', type: 'Alert', subtype: 'Offline',
    source: 'Monitoring', location: 'On-Site', priority: P2, label: 'near miss: on-site alert to Support in 10 min' })
    .at(T(10, 19, 13, 0), { board: 'noc' }).go(3, { status: 'Assigned', res: 'rpatel' })
    .go(7, { board: 'support', status: 'Assigned', res: 'ewright' }).go(15, { status: 'Scheduled' })
    .at(T(10, 20, 9, 0), { status: 'In Progress' }).at(T(10, 20, 10, 15), { status: 'Onsite Complete' })
    .go(12, { status: 'Closed' });
  ticket({ company: 'Riverside Orthopedics', summary: 'RAID degraded: predictive failure on disk 2, HYPERV01', type: 'Alert',
    subtype: 'Hardware', source: 'RMM', priority: P2, label: 'near miss: NOC -> Support after 25 min' })
    .at(T(10, 26, 10, 30), { board: 'noc' }).go(4, { status: 'Assigned', res: 'jmartinez' }).go(6, { status: 'In Progress' })
    .go(15, { board: 'support', status: 'Assigned', res: 'ssato' }).go(30, { status: 'Waiting on Vendor' })
    .at(T(10, 27, 14, 0), { status: 'In Progress' }).go(50, { status: 'Resolved' });
  ticket({ company: 'Pinecrest Veterinary Clinic', summary: 'Device offline: LAB-PC1', type: 'Alert', subtype: 'Offline',
    source: 'RMM', label: 'near miss: RMM alert, Support, User Error, Help Desk by de-escalation (not misrouted)' })
    .at(T(10, 16, 9, 0), { board: 'noc' }).go(5, { status: 'Assigned', res: 'dokafor' })
    .go(20, { board: 'support', status: 'Assigned', res: 'kobrien' }).go(15, { status: 'User Error' })
    .go(20, { board: 'triage', status: 'User Error', res: 'cflores' }).go(5, { status: 'Closed' });
  ticket({ company: 'Smith, Patel & Associates CPAs', summary: 'Firewall blocking new payroll vendor site', type: 'Network',
    subtype: 'Firewall', source: 'Email', label: 'near miss: firewall request entered Support directly (criterion)' })
    .at(T(10, 14, 9, 20), { board: 'support' }).go(10, { status: 'Assigned', res: 'ssato' }).go(40, { status: 'Resolved' });
  ticket({ company: 'Lakeshore Family Law', summary: 'Time entries not syncing to billing, "sync error 0x80004005"',
    type: 'Workstation', subtype: 'Software', source: 'Portal', label: 'near miss: triage 20 bm + 2-day pause + 8 bm = 28' })
    .at(T(10, 20, 10, 30), { board: 'triage' }).go(4, { status: 'Assigned', res: 'lchen' })
    .go(16, { status: 'Waiting on Customer' }).at(T(10, 22, 14, 5), { status: 'In Progress' }).go(8, { status: 'Resolved' });
  ticket({ company: 'Oakwood Senior Living', summary: 'Reset password for the scheduling portal', type: 'Workstation',
    subtype: 'Login', source: 'Portal', label: 'near miss: entered Saturday, handled Monday 8:05-8:25' })
    .at(T(10, 17, 11, 40), { board: 'triage' }).at(T(10, 19, 8, 5), { status: 'Assigned', res: 'cflores' })
    .go(12, { status: 'Password Reset' }).go(8, { status: 'Closed' });
  ticket({ company: 'Ironclad Manufacturing', summary: 'Label printer printing blank labels', type: 'Workstation',
    subtype: 'Printer', source: 'Email', label: 'near miss: entered 7:40, resolved 8:25 (25 bm, 45 wall)' })
    .at(T(10, 28, 7, 40), { board: 'triage' }).at(T(10, 28, 8, 6), { status: 'Assigned', res: 'mgarcia' })
    .go(19, { status: 'Resolved' });
  ticket({ company: 'Redwood Architecture Studio', summary: 'Plotter queue stuck, jobs will not clear', type: 'Network',
    subtype: 'Server', source: 'Phone', label: 'reopened in Support; Closed Date is the first Resolved' })
    .at(T(10, 26, 13, 0), { board: 'triage', res: 'akim' }).go(6, { board: 'support', status: 'Assigned', res: 'dschmidt' })
    .go(40, { status: 'Resolved' }).at(T(10, 27, 9, 15), { status: 'In Progress' }).go(35, { status: 'Resolved' })
    .at(T(10, 29, 8, 40), { status: 'Closed', by: 'zAdmin' });

  // -- open at the end, clean.
  ticket({ company: 'Maple & Main Accounting', summary: 'Scanning to the document system fails for one user',
    type: 'Workstation', subtype: 'Software', source: 'Email', label: 'open: Help Desk, waiting on customer' })
    .at(T(10, 28, 14, 0), { board: 'triage' }).go(5, { status: 'Assigned', res: 'bwilson' }).go(7, { status: 'Waiting on Customer' });
  ticket({ company: 'Riverside Orthopedics', summary: 'Replace aging switch stack in the MRI suite', type: 'Onsite',
    subtype: 'Installation', source: 'Email', location: 'On-Site', priority: P4, label: 'open: Support, scheduled for next week' })
    .at(T(10, 22, 13, 30), { board: 'support' }).go(30, { status: 'Assigned', res: 'ewright' }).go(20, { status: 'Scheduled' });
  ticket({ company: 'Ironclad Manufacturing', summary: 'Firewall firmware upgrade, waiting on vendor advisory', type: 'Network',
    subtype: 'Firewall', source: 'Phone', label: 'open: Support, waiting on vendor' })
    .at(T(10, 19, 11, 0), { board: 'triage', res: 'lchen' }).go(5, { board: 'support', status: 'Assigned', res: 'ssato' })
    .go(60, { status: 'In Progress' }).at(T(10, 22, 10, 0), { status: 'Waiting on Vendor' });
  ticket({ company: 'Café Amélie', summary: 'Ping failure: CAFE-FW01', type: 'Alert', subtype: 'Offline', source: 'RMM',
    priority: P2, label: 'open: NOC alert in progress at the end' })
    .at(T(10, 30, 16, 40), { board: 'noc' }).go(3, { status: 'Assigned', res: 'jmartinez' }).go(12, { status: 'In Progress' });
  ticket({ company: 'Keystone Insurance Agency', summary: 'Threat quarantined on MGR-LT02', type: 'Alert', subtype: 'Antivirus',
    source: 'RMM', priority: P2, label: 'the export\'s last change (as-of 10/30 5:52 PM)' })
    .at(T(10, 30, 17, 31), { board: 'noc' }).go(2, { status: 'Assigned', res: 'jmartinez' }).go(19, { status: 'Closed' });

  // -- CSV edge cases in otherwise clean tickets.
  ticket({ company: 'Summit Ridge Builders', summary: 'Cannot open payroll file\nError: file is locked by another user',
    type: 'Workstation', subtype: 'Software', source: 'Portal', label: 'line break inside the summary' })
    .at(T(10, 13, 14, 10), { board: 'triage' }).go(3, { status: 'Assigned', res: 'mgarcia' }).go(14, { status: 'Resolved' });
  ticket({ company: 'Smith, Patel & Associates CPAs', summary: '=VLOOKUP(A2,Rates,2) returns #N/A in commission sheet',
    type: 'Workstation', subtype: 'Software', source: 'Portal', label: 'formula-looking summary' })
    .at(T(10, 21, 10, 40), { board: 'triage' }).go(2, { status: 'Assigned', res: 'cflores' }).go(20, { status: 'Resolved' });
  ticket({ company: 'Coastal Title & Escrow', summary: '=SUM(B2:B40) total is off by a penny in the escrow ledger',
    type: 'Workstation', subtype: 'Software', source: 'Email', label: 'formula-looking summary, no quoting needed' })
    .at(T(10, 26, 15, 5), { board: 'triage' }).go(4, { status: 'Assigned', res: 'lchen' }).go(13, { status: 'Resolved' });
  ticket({ company: 'Bright Path Learning Center', summary: 'Outlook says "Disconnected" every morning, then reconnects',
    type: 'Workstation', subtype: 'Email', source: 'Phone', label: 'quotes and a comma' })
    .at(T(10, 23, 8, 35), { board: 'triage', res: 'akim' }).go(4, { status: 'In Progress' }).go(16, { status: 'Resolved' });
}

// ---- Generated clean traffic ----------------------------------------------------------------------

const dayTime = (day, h0, m0, h1, m1) => at(day, 0, int(h0 * 60 + m0, h1 * 60 + m1));
const hd = () => pick(HD_TECHS);
const sup = () => pick(SUP_TECHS);
const nocTech = (t) => {
  const h = Math.floor((t % DAY) / 60);
  return h < 7 || h >= 19 ? NIGHT_NOC : pick(NOC_TECHS);
};

function nocAlert(day, weekend) {
  const kind = pick(['Backup Failure', 'Disk Space', 'Offline', 'Offline', 'Patching', 'Antivirus', 'Service']);
  const host = pick(HOSTS);
  const start = weekend || chance(0.45) ? dayTime(day, 0, 0, 23, 30) : dayTime(day, 8, 0, 17, 0);
  if (start > CUTOFF - 120) return;
  const b = ticket({ summary: say(`Alert/${kind}`, host), type: 'Alert', subtype: kind, source: chance(0.7) ? 'RMM' : 'Monitoring',
    priority: kind === 'Offline' || kind === 'Backup Failure' ? P2 : P3 }).at(start, { board: 'noc' });
  if (chance(0.4)) return b.go(int(3, 15), { status: 'Closed', by: b.t.source === 'RMM' ? 'zAutomate' : 'zMonitoring' });
  const tech = nocTech(start);
  b.go(int(2, 12), { status: 'Assigned', res: tech });
  if (chance(0.6)) b.go(int(2, 20), { status: 'In Progress' });
  b.go(int(8, 110), { status: chance(0.5) ? 'Resolved' : 'Closed' });
  return autoClose(b, 0.3);
}

function helpDeskQuick(day) {
  const kind = pick(['Workstation/Login', 'Workstation/Login', 'Workstation/Printer', 'Workstation/Email',
    'Workstation/Software', 'Workstation/Hardware', 'Network/Wireless', 'Network/Internet']);
  const [type, subtype] = kind.split('/');
  const source = pick(['Phone', 'Phone', 'Email', 'Portal']);
  const tech = hd();
  const b = ticket({ summary: say(kind), type, subtype, source, priority: subtype === 'Internet' ? P2 : P3 });
  if (source !== 'Phone' && chance(0.15)) {
    // sent before opening time, picked up first thing
    b.at(dayTime(day, 6, 30, 7, 50), { board: 'triage' }).at(dayTime(day, 8, 1, 8, 6), { status: 'Assigned', res: tech })
      .at(at(day, 8, int(12, 24)), { status: 'Resolved' });
    return autoClose(b);
  }
  const start = dayTime(day, 8, 5, 17, 20);
  b.at(start, { board: 'triage', res: source === 'Phone' ? tech : '' });
  b.go(int(1, 4), { status: 'Assigned', res: tech });
  if (chance(0.5)) b.go(int(1, 5), { status: 'In Progress' });
  if (subtype === 'Login' && chance(0.6)) b.go(int(2, 6), { status: 'Password Reset' });
  const end = start + int(6, 25);
  b.at(Math.max(end, b.last + 2), { status: chance(0.7) ? 'Resolved' : 'Closed' });
  return autoClose(b);
}

function helpDeskPaused(day) {
  const kind = pick(['Workstation/Email', 'Workstation/Software', 'Workstation/Printer', 'Workstation/Hardware']);
  const [type, subtype] = kind.split('/');
  const tech = hd();
  const start = dayTime(day, 8, 30, 15, 30);
  const b = ticket({ summary: say(kind), type, subtype, source: pick(['Email', 'Portal', 'Phone']) })
    .at(start, { board: 'triage' }).go(int(1, 4), { status: 'Assigned', res: tech })
    .at(start + int(8, 16), { status: 'Waiting on Customer' });
  const back = at(workdayAfter(start, int(1, 4)), int(9, 15), int(0, 59));
  if (back > CUTOFF - 60) return b; // still waiting at the end of the export
  if (chance(0.3)) return b.at(back, { status: 'Closed' }); // no reply: closed from Waiting
  return autoClose(b.at(back, { status: 'In Progress' }).go(int(3, 9), { status: 'Resolved' }));
}

function supportWork(b, tech, days) {
  b.go(int(5, 40), { status: 'In Progress', res: tech });
  for (let i = 0; i < days; i++) {
    const next = at(workdayAfter(b.last, 1), int(9, 15), int(0, 59));
    if (next > CUTOFF) return b;
    b.at(next, { status: chance(0.3) ? 'Waiting on Customer' : 'In Progress' });
  }
  if (b.last + 120 > CUTOFF) return b;
  b.go(int(20, 110), { status: 'Resolved' });
  return autoClose(b);
}

function helpDeskEscalated(day) {
  const kind = pick(['Workstation/Software', 'Workstation/Email', 'Workstation/Hardware', 'Workstation/Printer']);
  const [type, subtype] = kind.split('/');
  const tech = hd();
  const start = dayTime(day, 8, 10, 15, 0);
  const b = ticket({ summary: say(kind), type, subtype, source: pick(['Phone', 'Email', 'Portal']) })
    .at(start, { board: 'triage' }).go(int(1, 3), { status: 'Assigned', res: tech })
    .go(int(3, 8), { status: 'In Progress' })
    .at(start + int(17, 27), { board: 'support', status: 'Assigned', res: sup() });
  return supportWork(b, b.t.events[b.t.events.length - 1].res, int(0, 2));
}

function networkCriterion(day) {
  const kind = pick(['Network/Firewall', 'Network/Server', 'Network/Server']);
  const [type, subtype] = kind.split('/');
  const start = dayTime(day, 8, 10, 15, 30);
  const b = ticket({ summary: say(kind), type, subtype, source: pick(['Phone', 'Phone', 'Email']), priority: P2 });
  if (chance(0.75)) {
    b.at(start, { board: 'triage', res: b.t.source === 'Phone' ? hd() : '' }).go(int(3, 10), { board: 'support', status: 'Assigned', res: sup() });
  } else {
    b.at(start, { board: 'support' }).go(int(5, 15), { status: 'Assigned', res: sup() });
  }
  return supportWork(b, b.t.events[b.t.events.length - 1].res, int(0, 1));
}

function onsiteVisit(day) {
  const kind = pick(['Onsite/Installation', 'Onsite/Hardware', 'Workstation/Hardware']);
  const [type, subtype] = kind.split('/');
  const summary = kind === 'Workstation/Hardware' ? `${say(kind)}, tech needed on site` : say(kind);
  const start = dayTime(day, 8, 15, 15, 0);
  const b = ticket({ summary, type, subtype, source: pick(['Phone', 'Email', 'Portal']), location: 'On-Site' });
  const tech = sup();
  if (chance(0.6)) {
    b.at(start, { board: 'triage', res: b.t.source === 'Phone' ? hd() : '' }).go(int(3, 10), { board: 'support', status: 'Assigned', res: tech });
  } else {
    b.at(start, { board: 'support' }).go(int(5, 25), { status: 'Assigned', res: tech });
  }
  b.go(int(5, 20), { status: 'Scheduled' });
  const visit = at(workdayAfter(start, int(1, 3)), int(8, 12), int(0, 59));
  b.at(visit, { status: 'In Progress', res: chance(0.3) ? `${tech}, ${pick(SUP_TECHS.filter((x) => x !== tech))}` : tech });
  b.go(int(60, 240), { status: 'Onsite Complete', res: tech });
  if (chance(0.6)) {
    const noc = pick(NOC_TECHS);
    b.go(int(10, 50), { board: 'noc', status: 'Onsite Complete', res: noc }).go(int(4, 10), { status: 'Closed' });
  } else {
    b.go(int(15, 55), { status: 'Closed' });
  }
  return b;
}

function project(day) {
  const kind = pick(['Project/Migration', 'Project/Deployment', 'Project/Network Design']);
  const [type, subtype] = kind.split('/');
  const b = ticket({ summary: say(kind), type, subtype, source: pick(['Email', 'Portal']), priority: P4 })
    .at(dayTime(day, 8, 30, 16, 0), { board: 'support' });
  const tech = sup();
  b.go(int(15, 90), { status: 'Assigned', res: tech });
  for (let i = int(3, 7); i > 0; i--) {
    const next = at(workdayAfter(b.last, int(1, 2)), int(9, 16), int(0, 59));
    if (next > CUTOFF) return b;
    b.at(next, { status: pick(['In Progress', 'In Progress', 'Waiting on Customer', 'Scheduled']) });
  }
  const next = at(workdayAfter(b.last, 1), int(9, 16), int(0, 59));
  if (next <= CUTOFF) b.at(next, { status: 'Resolved' });
  return b;
}

function nocEscalated(day) {
  const kind = pick(['Backup Failure', 'Service', 'Disk Space']);
  const start = dayTime(day, 8, 30, 15, 0);
  const b = ticket({ summary: say(`Alert/${kind}`, pick(HOSTS)), type: 'Alert', subtype: kind, source: pick(['RMM', 'Monitoring']),
    priority: P2 }).at(start, { board: 'noc' }).go(int(2, 5), { status: 'Assigned', res: pick(NOC_TECHS) })
    .go(int(3, 8), { status: 'In Progress' }).at(start + int(20, 55), { board: 'support', status: 'Assigned', res: sup() });
  return supportWork(b, b.t.events[b.t.events.length - 1].res, int(0, 1));
}

function traffic() {
  for (let day = dayOf(T(10, 5)); day <= dayOf(T(10, 30)); day++) {
    const office = isOfficeDay(day);
    for (let i = office ? int(2, 3) : int(1, 3); i > 0; i--) nocAlert(day, !office);
    if (!office) continue;
    const lastWeek = day >= dayOf(T(10, 27));
    for (let i = int(2, 3); i > 0; i--) helpDeskQuick(day);
    if (chance(0.4)) helpDeskPaused(day);
    if (chance(0.5)) helpDeskEscalated(day);
    if (chance(0.4) && !lastWeek) onsiteVisit(day);
    if (chance(0.3)) networkCriterion(day);
    if (chance(0.2) && !lastWeek) project(day);
    if (chance(0.25)) nocEscalated(day);
  }
}

scenarios();
traffic();

// ---------------------------------------------------------------------------------------------------
// Numbering: ticket numbers grow with creation time; other boards (sales, admin) take numbers too.

tickets.sort((a, b) => a.events[0].at - b.events[0].at);
{
  let n = 47868;
  let prev = null;
  for (const t of tickets) {
    if (t.gap) continue;
    if (prev !== null && prev < T(10, 5) && t.events[0].at >= T(10, 5)) n = 48212; // the week before the window
    n += int(1, 3);
    t.id = String(n);
    prev = t.events[0].at;
  }
}
// A `gap` ticket takes the first number after the ticket created before it that nothing else has taken.
{
  const taken = new Set(tickets.filter((t) => !t.gap).map((t) => Number(t.id)));
  let last = 0;
  for (const [k, t] of tickets.entries()) {
    if (!t.gap) {
      last = Number(t.id);
      continue;
    }
    let id = last + 1;
    while (taken.has(id)) id++;
    const next = tickets.slice(k + 1).find((x) => !x.gap);
    if (next && id >= Number(next.id)) {
      process.stderr.write(`make-example: no free ticket number for "${t.label}" between ${last} and ${next.id}: move it in time\n`);
      process.exit(1);
    }
    taken.add(id);
    t.id = String(id);
    last = id;
  }
}

// ---------------------------------------------------------------------------------------------------
// Judge: replays each ticket against the default framework. `alt` selects an alternative reading;
// the oracle keeps a verdict only if every reading agrees.

const QUEUE_OF = { NOC: 'noc', 'Network Operations': 'noc', 'Help Desk': 'triage', 'Service Desk': 'triage',
  Support: 'support', Escalations: 'support' };
const TIER = { noc: 1, triage: 1, support: 2 };
const DEESC = { 'onsite complete': 'noc', 'user error': 'triage', 'password reset': 'triage' };

function judge(t, alt = {}) {
  const found = new Set();
  const ev = t.events.map((e) => ({ ...e, queue: QUEUE_OF[e.board] }));
  const open = !isClosed(ev[ev.length - 1].status);
  const end = (i) => (i + 1 < ev.length ? ev[i + 1].at : open ? AS_OF : ev[i].at);
  const clock = (queue) => (queue === 'noc' && !alt.officeForNoc ? wallMinutes : officeMinutes);
  const running = (i) => !isPaused(ev[i].status) && !isClosed(ev[i].status);

  const onsite = t.location === 'On-Site';
  const routed = ['Monitoring', 'Alert', 'RMM', 'Automate', 'Email Connector - Alerts'].includes(t.source) ? 'noc'
    : onsite || ['Project', 'Onsite', 'Installation'].includes(t.type) ? 'support' : 'triage';
  const criterion = onsite || ['Project', 'Onsite', 'Installation'].includes(t.type)
    || ['Server', 'Firewall', 'Network Design', 'Migration'].includes(t.subtype);

  // stays: maximal runs of events in one queue
  const stays = [];
  for (let i = 0; i < ev.length; i++) {
    if (i > 0 && ev[i].queue === ev[i - 1].queue) { stays[stays.length - 1].to = i; continue; }
    const prev = i > 0 ? ev[i - 1] : null;
    const deesc = !!prev && prev.queue === 'support' && DEESC[prev.status.toLowerCase()] === ev[i].queue;
    // Entered while closed: a clean-up move, not an escalation nor a misrouting (work-after-closure judges it).
    stays.push({ queue: ev[i].queue, from: i, to: i, deesc, closedEntry: isClosed(ev[i].status) });
  }
  for (const s of stays) {
    s.run = 0; s.wall = 0; s.business = 0;
    for (let i = s.from; i <= s.to; i++) {
      s.wall += end(i) - ev[i].at;
      s.business += clock(s.queue)(ev[i].at, end(i));
      if (running(i)) s.run += clock(s.queue)(ev[i].at, end(i));
    }
    s.next = stays[stays.indexOf(s) + 1]?.queue;
  }
  const counted = (s) => !(alt.skipDeesc && s.deesc);
  const sum = (xs) => xs.reduce((a, s) => a + s.run, 0);

  // triage-time-limit
  const triage = stays.filter((s) => s.queue === 'triage' && counted(s));
  if (alt.cumulative ? sum(triage) > 30 : triage.some((s) => s.run > 30)) found.add('under-escalated');
  // onsite-needs-support
  if (criterion) {
    const t1 = stays.filter((s) => s.queue !== 'support' && counted(s));
    if (alt.cumulative ? sum(t1) > 15 : t1.some((s) => s.run > 15)) found.add('under-escalated');
  }
  // skipped-front-line
  if (!criterion) {
    if (stays[0].queue === 'support' && TIER[routed] === 1) found.add('over-escalated');
    stays.forEach((s, k) => {
      if (s.queue === 'support' || s.next !== 'support' || stays[k + 1].closedEntry) return;
      const effort = alt.cumulative ? sum(stays.slice(0, k + 1).filter((x) => x.queue !== 'support')) : s.run;
      if (effort < 15) found.add('over-escalated');
    });
  }
  // onsite-done-back-to-noc, user-error-back-to-triage
  for (let i = 0; i < ev.length; i++) {
    const st = ev[i].status.toLowerCase();
    if (ev[i].queue !== 'support' || !DEESC[st] || (i > 0 && ev[i - 1].status === ev[i].status && ev[i - 1].queue === 'support')) continue;
    let j = i + 1;
    while (j < ev.length && ev[j].queue === 'support' && !isClosed(ev[j].status)) j++;
    const until = j < ev.length ? ev[j].at : AS_OF;
    if (officeMinutes(ev[i].at, until) > (st === 'onsite complete' ? 240 : 60)) found.add('missed-de-escalation');
  }
  // misrouted
  for (const s of stays) {
    if (!s.closedEntry && s.queue !== routed && TIER[s.queue] === TIER[routed] && !s.deesc && (alt.businessTime ? s.business : s.wall) > 0) {
      found.add('misrouted');
    }
  }
  // stalled-idle, aged-open
  for (let i = 0; i < ev.length; i++) {
    if (!running(i)) continue;
    const idle = alt.officeForNoc || ev[i].queue !== 'noc' ? officeMinutes(ev[i].at, end(i)) > 1800 : end(i) - ev[i].at > 4320;
    if (idle) found.add('stalled');
  }
  if (open && AS_OF - ev[0].at > 30 * DAY) found.add('stalled');
  // ping-pong
  const changes = stays.length - 1;
  const bounced = stays.some((s, k) => k > 0 && !s.deesc && stays.slice(0, k - 1).some((x) => x.queue === s.queue));
  if (changes > 3 || bounced) found.add('ping-pong');

  // pause-hides-breach: a pause that began with 0 < left <= 5 running minutes of a limit in force and outlasted them.
  const stayOf = (i) => stays.find((s) => s.from <= i && i <= s.to);
  const runBetween = (queue, a, b) => { let m = 0; for (let k = a; k < b; k++) if (running(k)) m += clock(queue)(ev[k].at, end(k)); return m; };
  for (let i = 0; i < ev.length; i++) {
    if (!isPaused(ev[i].status) || isClosed(ev[i].status) || (i > 0 && isPaused(ev[i - 1].status))) continue;
    let j = i;
    while (j + 1 < ev.length && isPaused(ev[j + 1].status)) j++;
    const s = stayOf(i);
    const limits = [];
    if (s.queue === 'triage' && !s.deesc) limits.push({ from: s.from, limit: 30 });
    if (criterion && s.queue !== 'support' && !s.deesc) limits.push({ from: s.from, limit: 15 });
    const seen = ev.findIndex((e, k) => k >= s.from && k <= i && DEESC[e.status.toLowerCase()]);
    if (s.queue === 'support' && seen >= 0) limits.push({ from: seen, limit: ev[seen].status.toLowerCase() === 'onsite complete' ? 240 : 60 });
    const pause = clock(s.queue)(ev[i].at, end(j));
    for (const { from, limit } of limits) {
      const left = limit - runBetween(s.queue, from, i);
      if (left > 0 && left <= 5 && pause > left) found.add('pause-abuse');
    }
  }
  // customer-wait-too-long: "Waiting on Customer" held longer than 15 business days of the queue's calendar.
  const waiting = (e) => ['waiting on customer', 'waiting customer'].includes(e.status.toLowerCase());
  for (let i = 0; i < ev.length; i++) {
    if (!waiting(ev[i]) || (i > 0 && waiting(ev[i - 1]))) continue;
    let held = 0;
    for (let k = i; k < ev.length && waiting(ev[k]); k++) held += clock(ev[k].queue)(ev[k].at, end(k));
    if (held > 15 * (clock(ev[i].queue) === wallMinutes ? 1440 : 600)) found.add('pause-abuse');
  }
  // work-after-closure: while closed, a board or resource change more than 15 minutes after the closing.
  for (let i = 1; i < ev.length; i++) {
    if (!isClosed(ev[i].status) || !isClosed(ev[i - 1].status)) continue;
    let c = i - 1;
    while (c > 0 && isClosed(ev[c - 1].status)) c--;
    const changed = ev[i].queue !== ev[i - 1].queue || ev[i].res !== ev[i - 1].res;
    if (changed && clock(ev[c].queue)(ev[c].at, ev[i].at) > 15) found.add('work-after-closure');
  }

  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------------
// Checks, then output.

const problems = [];
const histories = [];
for (const t of tickets) {
  const ev = t.events;
  for (let i = 1; i < ev.length; i++) if (ev[i].at <= ev[i - 1].at) problems.push(`${t.id}: rows out of order at ${fmt(ev[i].at)}`);
  if (ev.some((e) => e.at > AS_OF)) problems.push(`${t.id}: change after as-of`);
  if (ev.some((e) => !QUEUE_OF[e.board])) problems.push(`${t.id}: unknown board`);
  const verdict = judge(t);
  if (verdict.join() !== t.expect.join()) problems.push(`${t.id} (${t.label}): designed [${t.expect}] but judged [${verdict}]`);
  for (const alt of [{ cumulative: true, skipDeesc: true }, { skipDeesc: true }, { officeForNoc: true }, { businessTime: true }]) {
    const other = judge(t, alt);
    if (other.join() !== verdict.join()) problems.push(`${t.id} (${t.label}): ${JSON.stringify(alt)} gives [${other}] not [${verdict}]`);
  }
  for (const e of ev) histories.push({ t, e });
}
const latest = Math.max(...histories.map((h) => h.e.at));
if (latest !== AS_OF) problems.push(`latest change is ${fmt(latest)}, designed ${fmt(AS_OF)}`);
const perCategory = {};
for (const t of tickets) for (const c of t.expect) perCategory[c] = (perCategory[c] ?? 0) + 1;
for (const c of ['misrouted', 'stalled', 'over-escalated', 'under-escalated', 'missed-de-escalation', 'ping-pong', 'pause-abuse',
  'work-after-closure']) {
  if ((perCategory[c] ?? 0) < 4) problems.push(`only ${perCategory[c] ?? 0} tickets for ${c}`);
}
if (problems.length) {
  process.stderr.write(`make-example: the design does not hold:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}

// Hours on the ticket: time worked while someone held it, capped per change, in quarter hours.
function actualHours(t) {
  if (t.events.every((e) => e.res === '')) return 0;
  let m = 0;
  for (let i = 0; i + 1 < t.events.length; i++) {
    const e = t.events[i];
    if (e.res && !isPaused(e.status) && !isClosed(e.status)) m += Math.min(t.events[i + 1].at - e.at, 150);
  }
  return Math.max(0.25, Math.round((m * 0.8) / 15) / 4);
}

const cell = (v) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (header, rows) => [header, ...rows].map((r) => r.map((v) => cell(String(v))).join(',')).join('\r\n') + '\r\n';

const ticketRows = [...tickets].sort((a, b) => Number(a.id) - Number(b.id)).map((t) => {
  const first = t.events[0];
  const last = t.events[t.events.length - 1];
  const closing = isClosed(last.status) ? t.events.find((e) => isClosed(e.status)) : null;
  return [t.id, t.summary, t.company, last.board, last.status, t.priority, t.type, t.subtype, t.source, last.res,
    t.location, fmt(first.at), fmt(last.at), closing ? fmt(closing.at) : '', actualHours(t).toFixed(2)];
});
const historyRows = histories
  .map((h, k) => ({ ...h, k }))
  .sort((a, b) => a.e.at - b.e.at || Number(a.t.id) - Number(b.t.id) || a.k - b.k)
  .map(({ t, e }) => [t.id, fmt(e.at), e.by, e.board, e.status, e.res]);

const byTicket = {};
for (const t of [...tickets].sort((a, b) => Number(a.id) - Number(b.id))) if (t.expect.length) byTicket[t.id] = t.expect;

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'tickets.csv'), csv(
  ['Ticket #', 'Summary', 'Company', 'Board', 'Status', 'Priority', 'Type', 'Subtype', 'Source', 'Resources',
    'Service Location', 'Date Entered', 'Last Updated', 'Closed Date', 'Actual Hours'], ticketRows));
writeFileSync(join(OUT, 'ticket-history.csv'), csv(
  ['Ticket #', 'Date Changed', 'Changed By', 'Board', 'Status', 'Resources'], historyRows));
// One ticket a line, so a change to the design reads as a one-line diff.
const entries = Object.entries(byTicket).map(([id, cats]) => `    ${JSON.stringify(id)}: ${JSON.stringify(cats)}`);
writeFileSync(join(OUT, 'expected.json'), `{\n  "tickets": ${ticketRows.length},\n  "events": ${historyRows.length},\n`
  + `  "byTicket": {\n${entries.join(',\n')}\n  }\n}\n`);

const open = tickets.filter((t) => !isClosed(t.events[t.events.length - 1].status)).length;
process.stdout.write(`fixtures/example: ${ticketRows.length} tickets (${open} open), ${historyRows.length} history rows, `
  + `${Object.keys(byTicket).length} with findings: ${Object.entries(perCategory).sort().map(([c, n]) => `${c} ${n}`).join(', ')}\n`);
