import { InvalidArgumentError } from 'commander';
import type { SmtpSettings } from '../deliver/mail.js';
import { InputError } from '../errors.js';

export interface MailFlags {
  mailTo?: string[];
  mailFrom?: string;
  mailSubject?: string;
  smtp?: string;
}

export interface MailSettings {
  smtp: SmtpSettings;
  from: string;
  to: string[];
  subject: string | undefined;
}

// A line break in a header value would start a new header (Bcc: ...): refused, never cleaned up.
const LINE_BREAK = /[\r\n]/;
const ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

/** `--mail-to a@x,b@y` (repeatable): plain addresses; CR/LF or anything else is a usage error. */
export function parseAddresses(text: string, previous: string[] = []): string[] {
  if (LINE_BREAK.test(text)) throw new InvalidArgumentError('line breaks are not allowed in an address');
  return [...previous, ...text.split(',').map((a) => parseAddress(a.trim()))];
}

export function parseAddress(text: string): string {
  if (LINE_BREAK.test(text)) throw new InvalidArgumentError('line breaks are not allowed in an address');
  if (!ADDRESS.test(text)) throw new InvalidArgumentError(`"${text}" is not an address like ops@example.com`);
  return text;
}

export function parseSubject(text: string): string {
  if (LINE_BREAK.test(text)) throw new InvalidArgumentError('line breaks are not allowed in the subject');
  return text;
}

/** `smtp://[user:pass@]host[:port][?starttls=required]` or `smtps://...`; the flag is checked as it is parsed. */
export function parseSmtpFlag(text: string): string {
  parseSmtpUrl(text, {}, (m) => new InvalidArgumentError(m));
  return text;
}

export function parseSmtpUrl(text: string, env: Record<string, string | undefined>,
  fail: (message: string) => Error = (m) => new InputError(`SMTP_URL: ${m}`)): SmtpSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail('expected an SMTP URL like smtp://mail.example.com:587 or smtps://user:password@mail.example.com');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw fail(`"${url.protocol}" is not smtp: or smtps:`);
  if (!url.hostname) throw fail('the URL names no server');
  const starttls = url.searchParams.get('starttls');
  if (starttls !== null && starttls !== 'required') throw fail(`starttls=${starttls}: the only value is "required"`);
  const user = url.username ? decodeURIComponent(url.username) : env.SMTP_USER;
  const pass = url.password ? decodeURIComponent(url.password) : env.SMTP_PASSWORD;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : undefined,
    secure: url.protocol === 'smtps:',
    requireTLS: starttls === 'required',
    auth: user ? { user, pass: pass ?? '' } : undefined,
    display: `${url.protocol}//${url.host}`,
  };
}

/** The mail to send, or undefined without `--mail-to`; an incomplete setup is an error before the audit runs. */
export function mailSettings(flags: MailFlags, env: Record<string, string | undefined>): MailSettings | undefined {
  const others = flags.mailFrom ?? flags.mailSubject ?? flags.smtp;
  if (!flags.mailTo?.length) {
    if (others !== undefined) throw new InputError('--mail-from, --mail-subject and --smtp need --mail-to', undefined, 'add --mail-to ADDR[,ADDR]');
    return undefined;
  }
  if (!flags.mailFrom) throw new InputError('--mail-to needs --mail-from (the sender address)', undefined, 'add --mail-from audit@example.com');
  const url = flags.smtp ?? env.SMTP_URL;
  if (!url) throw new InputError('--mail-to needs an SMTP server', undefined, 'pass --smtp smtp://mail.example.com:587 or set SMTP_URL');
  return { smtp: parseSmtpUrl(url, env), from: flags.mailFrom, to: [...new Set(flags.mailTo)], subject: flags.mailSubject };
}
