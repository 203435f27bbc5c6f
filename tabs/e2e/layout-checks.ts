import type { Page } from 'playwright-core';

/*
 * What "nothing overlaps" means, measured in the browser: within one row (a grid row, a stacked list
 * item, the header bar) the boxes of its text lines and controls do not intersect, and none reaches
 * past the viewport's edges.
 */

export interface LayoutProblem {
  kind: 'overlap' | 'outside';
  row: number;
  a: string;
  b?: string;
}

/** Boxes sharing at most this many pixels each way only touch (a glyph's ascent over the next line's box). */
const TOUCH_PX = 2;

/**
 * For each element matching `rowSelector`: its controls (buttons, inputs, checkboxes, selects, with any
 * text they hold) and each line of its other text, compared pairwise and against the viewport.
 */
export function layoutProblems(page: Page, rowSelector: string): Promise<LayoutProblem[]> {
  return page.evaluate<LayoutProblem[]>(`(${IN_PAGE})(${JSON.stringify(rowSelector)}, ${TOUCH_PX})`);
}

/*
 * Runs in the page. Plain JavaScript in a string: a function handed to page.evaluate is serialised
 * as its transpiled text, which under tsx carries helpers (__name) the page does not have.
 */
const IN_PAGE = `function (rowSelector, touch) {
  const problems = [];
  const visible = (r) => r.width > 0.5 && r.height > 0.5;
  const shown = (el) => { const style = getComputedStyle(el); return style.visibility !== 'hidden' && style.display !== 'none'; };
  const rows = [...document.querySelectorAll(rowSelector)].filter(shown);
  const width = document.documentElement.clientWidth;
  rows.forEach((row, rowIndex) => {
    const boxes = [];
    let piece = 0;
    const all = [...row.querySelectorAll('button, input, select, textarea, .fui-Input, .fui-Checkbox, .fui-Select, .fui-SpinButton, .fui-Switch')];
    const controls = all.filter((c) => !all.some((other) => other !== c && other.contains(c)) && shown(c));
    for (const control of controls) {
      const rects = [control.getBoundingClientRect()];
      const texts = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        // A select's options are not laid out in the page.
        if (!node.textContent.trim() || (node.parentElement && node.parentElement.closest('option'))) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(range.getBoundingClientRect());
      }
      const seen = rects.filter(visible);
      if (seen.length === 0) continue;
      piece += 1;
      boxes.push({
        left: Math.min(...seen.map((r) => r.left)),
        top: Math.min(...seen.map((r) => r.top)),
        right: Math.max(...seen.map((r) => r.right)),
        bottom: Math.max(...seen.map((r) => r.bottom)),
        label: (control.getAttribute('aria-label') || control.textContent || control.tagName).trim().slice(0, 60),
        piece,
      });
    }
    const texts = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || !parent || !shown(parent) || controls.some((c) => c.contains(node))) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // The lines of one text node are one piece: they may share a pixel or two.
      piece += 1;
      for (const r of range.getClientRects()) {
        if (visible(r)) boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, label: node.textContent.trim().slice(0, 60), piece });
      }
    }
    for (const box of boxes) {
      if (box.left < -1 || box.right > width + 1) problems.push({ kind: 'outside', row: rowIndex, a: box.label + ' [' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width + ']' });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.piece === b.piece) continue;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > touch && down > touch) problems.push({ kind: 'overlap', row: rowIndex, a: a.label, b: b.label });
      }
    }
  });
  return problems;
}`;

/** How far the page scrolls sideways (0 when it fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
