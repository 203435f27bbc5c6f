import { describeFailure } from '../../../service/connections';
import type { BcCompaniesResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

/** The Business Central companies the app may use, for the setup's picker. */
export const listBcCompanies = defineRoute(API.companies, {
  role: 'admin',
  async handle({ services }) {
    try {
      const { companies } = await services.companies();
      const response: BcCompaniesResponse = {
        companies: companies.map((c) => ({ id: c.id, name: c.name ?? '', displayName: c.displayName ?? '' })),
      };
      return ok(response);
    } catch (err) {
      services.logger.warn({ err }, 'listing Business Central companies failed');
      throw new ApiError('internal', describeFailure('businessCentral', err));
    }
  },
});
