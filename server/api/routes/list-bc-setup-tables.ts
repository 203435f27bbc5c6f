import { describeFailure } from '../../../service/connections';
import type { SetupTablesResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

/** The set-up tables of the company the form shows (or the saved one), for the template pickers. */
export const listBcSetupTables = defineRoute(API.setupTables, {
  role: 'admin',
  async handle({ services, query }) {
    const companyId = query.companyId ?? (await services.currentSetup()).companyId;
    if (companyId === null) throw new ApiError('conflict', 'Choose a Business Central company first');
    try {
      const response: SetupTablesResponse = await services.setupTables.get(companyId);
      return ok(response);
    } catch (err) {
      services.logger.warn({ err }, 'reading the Business Central set-up tables failed');
      throw new ApiError('internal', describeFailure('businessCentral', err));
    }
  },
});
