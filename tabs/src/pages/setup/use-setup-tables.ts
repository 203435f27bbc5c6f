import { useEffect, useState } from 'react';
import type { SetupTablesResponse } from '../../../../contract/api-contract';
import type { Api } from '../../http/api';
import { asApiError } from '../../http/api-error';

export type SetupTablesState =
  { kind: 'no-company' } | { kind: 'loading' } | { kind: 'loaded'; tables: SetupTablesResponse } | { kind: 'failed'; message: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The set-up tables of the company the form shows (saved or just picked), read again when it changes. */
export function useSetupTables(api: Api, companyId: string | null): SetupTablesState {
  const company = companyId !== null && GUID.test(companyId) ? companyId : null;
  const [state, setState] = useState<SetupTablesState>(company ? { kind: 'loading' } : { kind: 'no-company' });
  useEffect(() => {
    if (!company) {
      setState({ kind: 'no-company' });
      return;
    }
    let current = true;
    setState({ kind: 'loading' });
    api.setupTables({ companyId: company }).then(
      (tables) => current && setState({ kind: 'loaded', tables }),
      (e: unknown) => current && setState({ kind: 'failed', message: asApiError(e).message }),
    );
    return () => {
      current = false;
    };
  }, [api, company]);
  return state;
}
