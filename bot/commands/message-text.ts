/** Turns a Teams message into words: mentions, bot names, tags and entities removed. */

export interface Token {
  /** As typed, without surrounding punctuation: used for customer names. */
  text: string;
  /** Lower case, for matching keywords. */
  key: string;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message with `<at>` mentions, HTML tags, entities and the bot's own names removed. */
export function cleanMessage(text: string, botNames: readonly string[] = []): string {
  let out = text
    .normalize('NFC')
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/gi, (e) => ENTITIES[e.toLowerCase()] ?? e)
    .replace(/[\s\u00a0\u200b]+/g, ' ');
  for (const name of botNames) {
    const trimmed = name.normalize('NFC').trim();
    if (trimmed === '') continue;
    out = out.replace(new RegExp(`(^|\\s)@?${escapeRegExp(trimmed)}(?=$|[\\s,.:;!?])[,:]?`, 'giu'), '$1');
  }
  return out.replace(/\s+/g, ' ').trim();
}

const EDGE_PUNCTUATION = /^[\s"'“”‘’«»()[\]{},;:!?]+|[\s"'“”‘’«»()[\]{},;:!?.]+$/gu;

export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  for (const word of cleaned.split(' ')) {
    const stripped = word.replace(EDGE_PUNCTUATION, '');
    // A bare separator such as ".." or "-" between two dates is a word of its own.
    const text = stripped === '' ? word.replace(/^[\s"'“”‘’,;:!?]+|[\s"'“”‘’,;:!?]+$/gu, '') : stripped;
    if (text === '') continue;
    tokens.push({ text, key: text.toLowerCase().replace(/['’]s$/u, '') });
  }
  return tokens;
}
