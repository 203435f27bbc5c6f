/** @jest-environment jsdom */
import { escapeMarkdown } from '../../../../bot/cards/escape-markdown';
import { previewMarkdownHtml } from './preview-markdown';

describe('previewMarkdownHtml', () => {
  it('shows what the bot escaped for Teams without the backslashes', () => {
    for (const name of ['Jensen & Søn (ApS)', '*Anne*', 'Mette_Hansen', '1. prioritet', '- bindestreg', 'a\\b', 'Klip [kort]! #1']) {
      const html = previewMarkdownHtml(escapeMarkdown(name));
      expect(html).not.toMatch(/\\(?=[!-/:-@[-`{-~])/);
      const element = document.createElement('div');
      element.innerHTML = html;
      expect(element.textContent).toBe(name);
    }
  });

  it('never lets card text become markup', () => {
    expect(previewMarkdownHtml(escapeMarkdown('<img src=x onerror=alert(1)>'))).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(previewMarkdownHtml('"quoted" \'single\'')).toBe('&quot;quoted&quot; &#39;single&#39;');
  });
});
