const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Card text as Teams shows it, for the Setup page's preview: the bot escapes every name for Teams'
 * markdown (escapeMarkdown: "\*Anne\*"), which Teams reads as plain "*Anne*". The adaptivecards
 * library processes no markdown unless told, so without this the preview showed the backslashes.
 * The cards use no markdown of their own, so undoing the escapes and escaping HTML is all it takes.
 */
export function previewMarkdownHtml(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
