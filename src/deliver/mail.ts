import nodemailer from 'nodemailer';
import { InputError } from '../errors.js';

/** Where and how to reach the SMTP server (from `--smtp` / SMTP_URL and SMTP_USER / SMTP_PASSWORD). */
export interface SmtpSettings {
  host: string;
  port: number | undefined;
  /** TLS from the first byte (smtps://); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** `?starttls=required`: refuse to send in clear text. */
  requireTLS: boolean;
  auth: { user: string; pass: string } | undefined;
  /** The URL without its password, for messages. */
  display: string;
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

const SECONDS = 1000;

/** How long a send may take, in milliseconds. */
export interface SmtpTimeouts {
  /** To open the connection (TCP, and TLS for smtps://). */
  connect: number;
  /** For the server's greeting once connected. */
  greeting: number;
  /** For the server's answer to each command: this long without a byte from it ends the send. */
  command: number;
  /** For the whole send, however the server trickles its answers. */
  total: number;
}

export const SMTP_TIMEOUTS: SmtpTimeouts = { connect: 30 * SECONDS, greeting: 30 * SECONDS, command: 60 * SECONDS, total: 120 * SECONDS };

/**
 * Sends one message; a refusal, a connection failure or a timeout is an InputError quoting the
 * server's answer. The whole send is aborted (its connection closed) past `timeouts.total`.
 */
export async function sendMail(smtp: SmtpSettings, message: MailMessage, timeouts: SmtpTimeouts = SMTP_TIMEOUTS): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    ...(smtp.port !== undefined ? { port: smtp.port } : {}),
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(smtp.auth ? { auth: smtp.auth } : {}),
    connectionTimeout: timeouts.connect,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.command,
  });
  try {
    // nodemailer closes the connection when the signal aborts; its types do not know the option yet.
    const info = await transport.sendMail({ ...message, signal: AbortSignal.timeout(timeouts.total) } as typeof message);
    if (info.rejected.length > 0) {
      const answers = (info as { rejectedErrors?: { response?: string }[] }).rejectedErrors?.map((e) => e.response).filter(Boolean) ?? [];
      throw new InputError(`the report was not mailed to ${info.rejected.map(String).join(', ')}${answers.length ? `: the server answered "${answers.join('"; "')}"` : ''}`,
        { file: smtp.display }, 'the other recipients did get it; check the addresses');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { response?: string; code?: string };
    const answer = err.code === 'EABORT' ? `the server did not finish the send within ${timeouts.total / SECONDS} s (the limit for the whole send)`
      : err.response ? `the server answered "${err.response.trim()}"` : err.message;
    throw new InputError(`the report was not mailed: ${answer}`, { file: smtp.display },
      'check --smtp (or SMTP_URL), SMTP_USER/SMTP_PASSWORD and the addresses');
  } finally {
    transport.close();
  }
}
