import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN, cli, cliWithEnv, EXAMPLE } from '../support/cli.js';
import { leaves, parseMime, startSmtp, type TestSmtp } from '../support/smtp.js';

const MAIL = ['--mail-to', 'ops@example.com,lead@example.com', '--mail-from', 'audit@example.com'];

describe('--mail-to: the report by SMTP (a real server on 127.0.0.1)', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp({
      onRcptTo(address, _session, callback) {
        if (address.address === 'gone@example.com') callback(Object.assign(new Error('5.1.1 <gone@example.com>: mailbox unavailable'), { responseCode: 550 }));
        else callback();
      },
    });
  });
  afterAll(() => smtp.close());
  const url = () => `smtp://127.0.0.1:${smtp.port}`;

  it('sends the HTML report with a plain-text alternative and the CSV attached', async () => {
    const before = smtp.received.length;
    const r = await cli('audit', ...EXAMPLE, ...MAIL, '--smtp', url(), '--mail-subject', 'Nightly escalation audit', '--fail-on', 'never');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('MSP three-board (default)');
    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('audit@example.com');
    expect(mail.to).toEqual(['ops@example.com', 'lead@example.com']);
    const message = parseMime(mail.raw);
    expect(message.headers.subject).toBe('Nightly escalation audit');
    expect(message.headers.to).toBe('ops@example.com, lead@example.com');
    expect(message.type).toBe('multipart/mixed');
    const alternative = message.parts.find((p) => p.type === 'multipart/alternative')!;
    expect(alternative.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
    const [text, html] = alternative.parts as [typeof alternative, typeof alternative];
    expect(text.body).toContain('Summary');
    expect(text.body).not.toContain('\u001b[');
    // The text part wraps at 100 columns: no message is cut short.
    expect(text.body).not.toContain('…');
    expect(Math.max(...text.body.split(/\r?\n/).map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(text.body.replace(/\s+/g, '')).toContain('workedintriage,butroutingputsthisworkinnoc(Back-office,remoteandautomatedwork-monitoringalerts,patching,backups)-"LowdiskspaceonC:(4%free)-FRONTDESK-02"');
    expect(html.body).toMatch(/^<!doctype html>/i);
    const attachment = leaves(message).find((p) => /attachment/.test(p.headers['content-disposition'] ?? ''))!;
    expect(attachment.headers['content-disposition']).toMatch(/filename="?escalation-audit-2026-10-30\.csv"?/);
    expect(attachment.type).toBe('text/csv');
    const rows = attachment.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^id,ticket,summary,/);
    expect(rows).toHaveLength(56);
  });

  it('the default subject gives the counts and the date; the server and credentials can come from the environment', async () => {
    const r = await cliWithEnv({ SMTP_URL: url(), SMTP_USER: 'auditor', SMTP_PASSWORD: 's3cret' }, 'audit', ...EXAMPLE, ...MAIL, '-f', 'json', '-o', join(mkdtempSync(join(tmpdir(), 'ea-mail-')), 'r.json'));
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const message = parseMime(smtp.received.at(-1)!.raw);
    expect(message.headers.subject).toBe('escalation-audit: 55 findings (9 error, 36 warn, 10 info), as of 2026-10-30');
    expect(smtp.logins.at(-1)).toEqual({ username: 'auditor', password: 's3cret' });
  });

  it('user and password in the URL (percent-encoded) win over the environment', async () => {
    const r = await cliWithEnv({ SMTP_USER: 'other', SMTP_PASSWORD: 'other' }, 'audit', ...CLEAN, ...MAIL, '--smtp', `smtp://mailer:p%40ss%3Aword@127.0.0.1:${smtp.port}`);
    expect(r.code).toBe(0);
    expect(smtp.logins.at(-1)).toEqual({ username: 'mailer', password: 'p@ss:word' });
  });

  it('a refused recipient: exit 2 with the server\'s answer', async () => {
    const r = await cli('audit', ...CLEAN, '--mail-to', 'gone@example.com', '--mail-from', 'audit@example.com', '--smtp', url());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`smtp://127.0.0.1:${smtp.port}  the report was not mailed`);
    expect(r.stderr).toContain('550 5.1.1 <gone@example.com>: mailbox unavailable');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('one refused recipient among others: exit 2 naming it', async () => {
    const r = await cli('audit', ...CLEAN, '--mail-to', 'ops@example.com,gone@example.com', '--mail-from', 'audit@example.com', '--smtp', url());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the report was not mailed to gone@example.com');
    expect(r.stderr).toContain('mailbox unavailable');
  });
});

describe('mail flags that are refused before anything runs (exit 2)', () => {
  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['CR/LF in the subject', [...MAIL, '--smtp', 'smtp://127.0.0.1:1', '--mail-subject', 'Audit\r\nBcc: everyone@example.com'], {}, /line breaks are not allowed in the subject/],
    ['LF in an address', ['--mail-to', 'ops@example.com\nBcc: x@example.com', '--mail-from', 'a@example.com', '--smtp', 'smtp://127.0.0.1:1'], {}, /line breaks are not allowed in an address/],
    ['CR in the sender', ['--mail-to', 'ops@example.com', '--mail-from', 'a@example.com\r', '--smtp', 'smtp://127.0.0.1:1'], {}, /line breaks are not allowed/],
    ['not an address', ['--mail-to', 'ops', '--mail-from', 'a@example.com', '--smtp', 'smtp://127.0.0.1:1'], {}, /"ops" is not an address/],
    ['no sender', ['--mail-to', 'ops@example.com', '--smtp', 'smtp://127.0.0.1:1'], {}, /--mail-to needs --mail-from/],
    ['no server', MAIL, {}, /--mail-to needs an SMTP server[\s\S]*SMTP_URL/],
    ['not an SMTP URL', [...MAIL, '--smtp', 'http://mail.example.com'], {}, /"http:" is not smtp: or smtps:/],
    ['a bad SMTP_URL', MAIL, { SMTP_URL: 'mail.example.com' }, /SMTP_URL: expected an SMTP URL/],
    ['mail flags without --mail-to', ['--mail-from', 'a@example.com'], {}, /need --mail-to/],
  ])('%s', async (_name, args, env, message) => {
    const r = await cliWithEnv(env, 'audit', ...CLEAN, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a server that cannot be reached: exit 2 saying so', async () => {
    const r = await cli('audit', ...CLEAN, ...MAIL, '--smtp', 'smtp://127.0.0.1:1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the report was not mailed: .*ECONNREFUSED/);
  });
});

// The built CLI in a child process, so that Node trusts a certificate made for the test (NODE_EXTRA_CA_CERTS
// is read at start-up, the way a private CA is trusted in production).
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('STARTTLS (built CLI, self-signed certificate made by openssl)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ea-tls-'));
  let smtp: TestSmtp;
  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    smtp = await startSmtp({ disabledCommands: [], key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) });
  });
  afterAll(() => smtp?.close());

  it('upgrades the connection before sending (?starttls=required)', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    const r = await runBuilt(['audit', ...CLEAN, ...MAIL, '--smtp', `smtp://127.0.0.1:${smtp.port}?starttls=required`],
      { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(smtp.received.at(-1)?.secure).toBe(true);
  });

  it('refuses a certificate it does not trust: exit 2', async () => {
    const r = await runBuilt(['audit', ...CLEAN, ...MAIL, '--smtp', `smtp://127.0.0.1:${smtp.port}`], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the report was not mailed: .*(self-signed|certificate)/i);
  });
});

function runBuilt(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/escalation-audit.js', ...args], { env: { PATH: process.env.PATH, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
