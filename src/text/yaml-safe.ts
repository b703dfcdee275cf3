import { CST, LineCounter, Parser } from 'yaml';

/**
 * Deepest nesting of mappings and lists a framework or mapping file may have. Real frameworks nest
 * under 15 levels (conditions inside conditions); the YAML library's composer recurses per level and
 * runs out of stack near 800, and every pass after it (schema, positions, merge) recurses too.
 */
export const MAX_YAML_DEPTH = 64;

/** Tags with a JSON meaning; `!!binary`, `!!set`, `!!omap`, `!!timestamp`, `!custom`... are refused. */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].flatMap((t) => [`!!${t}`, `!<tag:yaml.org,2002:${t}>`]));

export interface YamlShapeProblem {
  message: string;
  hint: string;
  line: number;
  column: number;
}

/**
 * Checks a YAML text before it is composed into a document (which is where a deep or tagged file would
 * blow the stack or build huge values): the nesting depth, the tags and the directives. Reads only the
 * syntax tree, iteratively, so any depth is safe to check. Returns the first problem, or undefined.
 */
export function checkYamlShape(text: string, what: string): YamlShapeProblem | undefined {
  const lines = new LineCounter();
  const at = (offset: number, message: string, hint: string): YamlShapeProblem => {
    const { line, col } = lines.linePos(offset);
    return { message, hint, line, column: col };
  };
  const stack: [CST.Token, number][] = [];
  for (const token of new Parser(lines.addNewLine).parse(text)) stack.push([token, 0]);
  stack.reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    const problem = propsProblem(sourceTokensOf(token), what, at) ?? directiveProblem(token, at);
    if (problem) return problem;
    const children = childrenOf(token);
    const collection = CST.isCollection(token);
    if (collection && depth + 1 > MAX_YAML_DEPTH) {
      return at(token.offset, `nested more than ${MAX_YAML_DEPTH} levels deep (the limit for a ${what} file)`,
        `a ${what} nests a few levels; check that this is the right file, or flatten what is nested`);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, collection ? depth + 1 : depth]);
  }
  return undefined;
}

function propsProblem(tokens: CST.SourceToken[], what: string, at: (o: number, m: string, h: string) => YamlShapeProblem): YamlShapeProblem | undefined {
  const tag = tokens.find((t) => t.type === 'tag' && !JSON_TAGS.has(t.source));
  if (!tag) return undefined;
  return at(tag.offset, `YAML tag ${JSON.stringify(tag.source.slice(0, 40))} is not allowed: a ${what} holds plain values only`,
    'remove the tag: mappings, lists, strings, numbers, true/false and null need none');
}

function directiveProblem(token: CST.Token, at: (o: number, m: string, h: string) => YamlShapeProblem): YamlShapeProblem | undefined {
  // %YAML is harmless (files are read with the core schema whatever version they name); %TAG defines tag shorthands.
  if (token.type !== 'directive' || /^%YAML\s+1\.[12]\s*(#.*)?$/.test(token.source)) return undefined;
  return at(token.offset, 'YAML directives other than "%YAML 1.2" (or 1.1) are not allowed', 'remove the line that starts with %');
}

/** The property, indicator and comment tokens directly in a token (tags and anchors are among them). */
function sourceTokensOf(token: CST.Token): CST.SourceToken[] {
  switch (token.type) {
    case 'document': return [...token.start, ...(token.end ?? [])];
    case 'block-scalar': return token.props.filter((p): p is CST.SourceToken => p.type === 'tag' || p.type === 'anchor');
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': return (token.items as CST.CollectionItem[]).flatMap((item) => [...item.start, ...(item.sep ?? [])]);
    default: return [];
  }
}

function childrenOf(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document': return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection': return (token.items as CST.CollectionItem[]).flatMap((item) => [item.key, item.value].filter((t): t is CST.Token => !!t));
    default: return [];
  }
}
