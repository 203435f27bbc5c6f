import type { Router } from '../../http/router';
import { companyOf, type ApiDeps } from '../api';
import { companyEntity, companyInformationEntity } from '../entities';
import { notFound } from '../errors';
import { toWire } from '../serialize';
import type { BcCompany, BcCompanyInformation } from '../types';
import { requireGuid } from '../write-body';
import { entityResult, listResponse, type EntitySetView } from './collection';

export function registerCompanyRoutes(router: Router, deps: ApiDeps): void {
  const companies: EntitySetView<BcCompany> = {
    entity: companyEntity,
    entitySetPath: 'companies',
    key: (c) => c.name,
    wire: (c, o) => toWire(c, deps.state.version(c.id), o.select),
  };
  router.add('GET', '/companies', (req) =>
    listResponse(
      deps,
      req,
      deps.state.companyList().map((c) => c.company),
      companies,
    ),
  );
  router.add('GET', '/companies(:companyId)', (req) => entityResult(deps, req, companyOf(deps, req).company, companies));

  const information = (companyId: string): EntitySetView<BcCompanyInformation> => ({
    entity: companyInformationEntity,
    entitySetPath: `companies(${companyId})/companyInformation`,
    key: (i) => i.id,
    wire: (i, o) => toWire(i, deps.state.version(i.id), o.select),
  });
  // A collection of exactly one record, as in BC.
  router.add('GET', '/companies(:companyId)/companyInformation', (req) => {
    const company = companyOf(deps, req);
    return listResponse(deps, req, [company.companyInformation], information(company.company.id));
  });
  router.add('GET', '/companies(:companyId)/companyInformation(:id)', (req) => {
    const company = companyOf(deps, req);
    if (requireGuid(req.params.id ?? '', 'companyInformation') !== company.companyInformation.id.toLowerCase()) throw notFound();
    return entityResult(deps, req, company.companyInformation, information(company.company.id));
  });
}
