import { readFileSync } from 'node:fs';

/** A fenced code block of a Markdown file. */
export interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  text: string;
  /** Its first line, trimmed: what the classification names it by. */
  first: string;
}

/** Every ``` block of a Markdown file, in order. */
export function codeBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  let open: { line: number; lang: string; body: string[] } | undefined;
  lines.forEach((line, i) => {
    const fence = /^\s*```(.*)$/.exec(line);
    if (!fence) {
      open?.body.push(line);
      return;
    }
    if (open) {
      blocks.push({ file, line: open.line, lang: open.lang, text: `${open.body.join('\n')}\n`, first: (open.body[0] ?? '').trim() });
      open = undefined;
    } else {
      open = { line: i + 1, lang: fence[1]!.trim(), body: [] };
    }
  });
  if (open) throw new Error(`${file}:${open.line}: a code block that is never closed`);
  return blocks;
}

/**
 * The commands of a shell block: comments dropped, a line ending in `\` or `|` joined to the next
 * (the `\` removed, the `|` kept), one command per remaining line.
 */
export function shellCommands(text: string): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) pending += `${line.slice(0, -1).trimEnd()} `;
    else if (line.endsWith('|')) pending += `${line} `;
    else {
      commands.push(`${pending}${line}`.trim());
      pending = '';
    }
  }
  if (pending) commands.push(pending.trim());
  return commands;
}

/** A crontab entry's command: the five schedule fields taken off (comments and continuations as for a shell block). */
export function crontabCommand(text: string): { schedule: string; command: string } {
  const [entry, ...rest] = shellCommands(text);
  if (!entry || rest.length) throw new Error('expected one crontab entry');
  const fields = /^(\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(.+)$/.exec(entry);
  if (!fields) throw new Error(`not a crontab entry: ${entry}`);
  return { schedule: fields[1]!, command: fields[2]! };
}

/** The alternatives of a block that lists several `when:` conditions one after another (each a YAML mapping of its own). */
export function whenAlternatives(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('when:')) out.push(`${line}\n`);
    else if (out.length && line.trim() !== '') out[out.length - 1] += `${line}\n`;
  }
  return out;
}
