import type { ExportLanguage, UnbilledQuery } from '../../../contract/api-contract';
import { API, pathOf, queryString } from '../../../contract/endpoints';

/** What the tab can export. */
export type ExportRequest = { kind: 'runs' } | { kind: 'run-invoices'; runId: string } | { kind: 'audit' } | { kind: 'unbilled'; query: UnbilledQuery };

/** The export endpoint's path and query string for a request, in a language. */
export function exportPath(request: ExportRequest, lang: ExportLanguage): string {
  switch (request.kind) {
    case 'runs':
      return `${API.exportRuns.path}${queryString({ lang })}`;
    case 'run-invoices':
      return `${pathOf(API.exportRunInvoices, { id: request.runId })}${queryString({ lang })}`;
    case 'audit':
      return `${API.exportAudit.path}${queryString({ lang })}`;
    case 'unbilled': {
      // The whole filter, not the page the list shows (nor the cursor that led to it).
      const { offset: _o, limit: _l, after: _a, ...filter } = request.query;
      return `${API.exportUnbilled.path}${queryString({ ...filter, lang })}`;
    }
    default: {
      const unknown: never = request;
      throw new Error(`Unknown export ${JSON.stringify(unknown)}`);
    }
  }
}
