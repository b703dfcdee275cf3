import { describe, expect, it } from 'vitest';
import { parseAddresses, parseSmtpUrl } from '../../src/cli/mail-options.js';
import { defaultSubject } from '../../src/cli/mail-report.js';
import { sampleReport } from '../report/sample-report.js';

describe('parseSmtpUrl', () => {
  it.each<[string, Record<string, string>, object]>([
    ['smtp://mail.example.com', {}, { host: 'mail.example.com', port: undefined, secure: false, requireTLS: false, auth: undefined, display: 'smtp://mail.example.com' }],
    ['smtp://mail.example.com:587?starttls=required', {}, { port: 587, secure: false, requireTLS: true }],
    ['smtps://u%40x:p%3Aw@mail.example.com:465', {}, { secure: true, port: 465, auth: { user: 'u@x', pass: 'p:w' }, display: 'smtps://mail.example.com:465' }],
    ['smtp://mail.example.com', { SMTP_USER: 'env', SMTP_PASSWORD: 'pw' }, { auth: { user: 'env', pass: 'pw' } }],
    ['smtp://[::1]:2525', {}, { host: '::1', port: 2525 }],
  ])('%s', (url, env, expected) => {
    expect(parseSmtpUrl(url, env)).toMatchObject(expected);
  });

  it.each<[string, RegExp]>([
    ['mail.example.com', /expected an SMTP URL/],
    ['https://mail.example.com', /"https:" is not smtp: or smtps:/],
    ['smtp://mail.example.com?starttls=maybe', /the only value is "required"/],
  ])('%s is refused', (url, message) => {
    expect(() => parseSmtpUrl(url, {})).toThrow(message);
  });

  it('never shows the password in messages', () => {
    expect(parseSmtpUrl('smtp://u:secret@mail.example.com', {}).display).not.toContain('secret');
  });
});

describe('parseAddresses', () => {
  it('splits, trims and accumulates', () => {
    expect(parseAddresses(' a@x.org , b@y.org', ['c@z.org'])).toEqual(['c@z.org', 'a@x.org', 'b@y.org']);
  });

  it.each(['a@x.org\r\nBcc: e@vil.org', 'a@x.org\n', 'A <a@x.org>', 'a', ''])('refuses %j', (text) => {
    expect(() => parseAddresses(text)).toThrow();
  });
});

describe('defaultSubject', () => {
  const untitled = { ...sampleReport, title: null };
  it('counts and the date, nothing from the data', () => {
    expect(defaultSubject(untitled)).toBe('escalation-audit: 8 findings (3 error, 3 warn, 2 info), as of 2026-10-07');
    expect(defaultSubject({ ...untitled, summary: { ...sampleReport.summary, findings: 0, bySeverity: { error: 0, warn: 0, info: 0 } } }))
      .toBe('escalation-audit: 0 findings, as of 2026-10-07');
  });

  it('starts with the --title when there is one', () => {
    expect(defaultSubject({ ...sampleReport, title: 'Acme Corp - Q4 fitness check' }))
      .toBe('Acme Corp - Q4 fitness check - escalation-audit: 8 findings (3 error, 3 warn, 2 info), as of 2026-10-07');
  });
});
