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

/** Sends one message; a refusal or a connection failure is an InputError quoting the server's answer. */
export async function sendMail(smtp: SmtpSettings, message: MailMessage): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    ...(smtp.port !== undefined ? { port: smtp.port } : {}),
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(smtp.auth ? { auth: smtp.auth } : {}),
    connectionTimeout: 30 * SECONDS,
    greetingTimeout: 30 * SECONDS,
    socketTimeout: 60 * SECONDS,
  });
  try {
    const info = await transport.sendMail(message);
    if (info.rejected.length > 0) {
      const answers = (info as { rejectedErrors?: { response?: string }[] }).rejectedErrors?.map((e) => e.response).filter(Boolean) ?? [];
      throw new InputError(`the report was not mailed to ${info.rejected.map(String).join(', ')}${answers.length ? `: the server answered "${answers.join('"; "')}"` : ''}`,
        { file: smtp.display }, 'the other recipients did get it; check the addresses');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { response?: string; code?: string };
    const answer = err.response ? `the server answered "${err.response.trim()}"` : err.message;
    throw new InputError(`the report was not mailed: ${answer}`, { file: smtp.display },
      'check --smtp (or SMTP_URL), SMTP_USER/SMTP_PASSWORD and the addresses');
  } finally {
    transport.close();
  }
}
