/**
 * Adaptive Card TextBlocks and Fact titles/values render a markdown subset, and Teams also reads
 * some HTML: a customer called "*Anne*" or "[x](http://evil)" must show exactly that, not bold
 * text or a link. Every user- or Bookings-provided string passes through here before it reaches a
 * card's data; templates never escape.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_[\]()#>~|<&!]/g;
/** At the start of the text these begin a list even without other markdown punctuation. */
const LEADING_BULLET = /^(\s*)([-+])/;
const LEADING_NUMBER = /^(\s*\d+)\./;
/** Adaptive Cards' date/time functions look like {{DATE(...)}}: break the braces. */
const CARD_FUNCTION = /\{\{/g;

/**
 * Backslash escapes (CommonMark): some Teams mobile clients have shown the backslash instead of
 * honouring it (MicrosoftDocs/msteams-docs#5793), which is the lesser evil next to a forged link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(LEADING_BULLET, '$1\\$2')
    .replace(LEADING_NUMBER, '$1\\.')
    .replace(CARD_FUNCTION, '{\u200b{');
}

/** Escapes and shortens to `maxChars` code points, so one long name cannot crowd out the card. */
export function escapeText(text: string, maxChars = 80): string {
  const points = Array.from(text.trim());
  const short = points.length > maxChars ? `${points.slice(0, maxChars - 1).join('')}…` : points.join('');
  return escapeMarkdown(short);
}
