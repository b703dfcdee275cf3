import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendMail, SMTP_TIMEOUTS, type SmtpSettings, type SmtpTimeouts } from '../../src/deliver/mail.js';
import { InputError } from '../../src/errors.js';

const MESSAGE = { from: 'a@example.com', to: ['b@example.com'], subject: 's', html: '<p>x</p>', text: 'x', attachments: [] };

/** A server on 127.0.0.1 that sends `script` a byte every `everyMs` (bounded: it stops after 20 s), then nothing. */
async function trickler(script: string, everyMs: number): Promise<{ smtp: SmtpSettings; closed: Promise<void>; server: Server }> {
  let closedResolve!: () => void;
  const closed = new Promise<void>((resolve) => { closedResolve = resolve; });
  const server = createServer((socket: Socket) => {
    let i = 0;
    const timer = setInterval(() => {
      if (i < script.length) socket.write(script[i++]!);
    }, everyMs);
    const stop = setTimeout(() => socket.destroy(), 20_000);
    socket.on('error', () => {});
    socket.on('close', () => { clearInterval(timer); clearTimeout(stop); closedResolve(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { smtp: { host: '127.0.0.1', port, secure: false, requireTLS: false, auth: undefined, display: `smtp://127.0.0.1:${port}` }, closed, server };
}

let servers: Server[] = [];
afterEach(() => {
  for (const s of servers) s.close();
  servers = [];
});

async function sendAndTime(smtp: SmtpSettings, timeouts: SmtpTimeouts): Promise<{ error: InputError; ms: number }> {
  const started = Date.now();
  const error = await sendMail(smtp, MESSAGE, timeouts).then(() => { throw new Error('sent'); }, (e: unknown) => e as InputError);
  return { error, ms: Date.now() - started };
}

describe('SMTP timeouts (item 14; a local server on 127.0.0.1)', () => {
  it('the defaults: 30 s to connect, 30 s for the greeting, 60 s per command, 120 s for the whole send', () => {
    expect(SMTP_TIMEOUTS).toEqual({ connect: 30_000, greeting: 30_000, command: 60_000, total: 120_000 });
  });

  it('a server that trickles a byte at a time, never idle long enough for the other timeouts: the whole-send limit ends it', async () => {
    const { smtp, closed, server } = await trickler('220 mail.example.com ESMTP at a snail\'s pace, one byte at a time\r\n', 100);
    servers.push(server);
    const { error, ms } = await sendAndTime(smtp, { connect: 5000, greeting: 60_000, command: 60_000, total: 1500 });
    expect(error).toBeInstanceOf(InputError);
    expect(error.format()).toContain('the report was not mailed: the server did not finish the send within 1.5 s (the limit for the whole send)');
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(5000);
    await closed; // the connection is closed, not left open behind the error
  });

  it('a server that never greets: the greeting timeout', async () => {
    const { smtp, server } = await trickler('', 100);
    servers.push(server);
    const { error, ms } = await sendAndTime(smtp, { connect: 5000, greeting: 500, command: 60_000, total: 10_000 });
    expect(error.format()).toMatch(/the report was not mailed: .*(greeting|Greeting)/);
    expect(ms).toBeLessThan(3000);
  });

  it('a server that greets, then never answers a command: the per-command timeout', async () => {
    const { smtp, server } = await trickler('220 ok\r\n', 1);
    servers.push(server);
    const { error, ms } = await sendAndTime(smtp, { connect: 5000, greeting: 5000, command: 500, total: 10_000 });
    expect(error.format()).toMatch(/the report was not mailed: .*(timeout|Timeout|timed out)/);
    expect(ms).toBeLessThan(3000);
  });
});
