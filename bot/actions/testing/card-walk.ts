/** Every Action.Execute in a card, wherever it sits (body, actions, refresh). */
export function executeActions(card: unknown): Array<{ title?: string; verb: string; data?: unknown }> {
  const found: Array<{ title?: string; verb: string; data?: unknown }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'Action.Execute' && typeof o['verb'] === 'string') {
        found.push({ verb: o['verb'], data: o['data'], ...(typeof o['title'] === 'string' ? { title: o['title'] } : {}) });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
