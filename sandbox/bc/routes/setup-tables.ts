import type { Router } from '../../http/router';
import { companyOf, keyOf, type ApiDeps } from '../api';
import {
  currencyEntity,
  generalProductPostingGroupEntity,
  itemCategoryEntity,
  paymentMethodEntity,
  paymentTermEntity,
  shipmentMethodEntity,
  taxAreaEntity,
  taxGroupEntity,
  unitOfMeasureEntity,
  type EntityDescriptor,
} from '../entities';
import { notFound } from '../errors';
import { findById } from '../ids';
import { toWire } from '../serialize';
import type { CompanyState } from '../state';
import type { BcSetupTables } from '../types';

type CodeRecord = { id: string; code: string };
import { entityResult, listResponse, type EntitySetView } from './collection';

/** Entity set name → the table it serves and its documented properties. */
export const SETUP_TABLE_SETS: Readonly<Record<keyof BcSetupTables, EntityDescriptor>> = {
  paymentTerms: paymentTermEntity,
  paymentMethods: paymentMethodEntity,
  shipmentMethods: shipmentMethodEntity,
  taxAreas: taxAreaEntity,
  taxGroups: taxGroupEntity,
  unitsOfMeasure: unitOfMeasureEntity,
  itemCategories: itemCategoryEntity,
  generalProductPostingGroups: generalProductPostingGroupEntity,
  currencies: currencyEntity,
};

/**
 * GET on the set-up tables (list with the usual query options, and one by id). BC also allows
 * writes; nothing in this product writes them, so the emulator answers those 405.
 */
export function registerSetupTableRoutes(router: Router, deps: ApiDeps): void {
  for (const [name, entity] of Object.entries(SETUP_TABLE_SETS) as [keyof BcSetupTables, EntityDescriptor][]) {
    const view = (company: CompanyState): EntitySetView<CodeRecord> => ({
      entity,
      entitySetPath: `companies(${company.company.id})/${name}`,
      key: (r) => r.code,
      wire: (r, o) => toWire(r, deps.state.version(r.id), o.select),
    });
    const records = (company: CompanyState): readonly CodeRecord[] => company.setupTables[name];
    router.add('GET', `/companies(:companyId)/${name}`, (req) => {
      const company = companyOf(deps, req);
      return listResponse(deps, req, records(company), view(company));
    });
    router.add('GET', `/companies(:companyId)/${name}(:id)`, (req) => {
      const company = companyOf(deps, req);
      const record = findById(records(company), keyOf(req, 'id'));
      if (!record) throw notFound();
      return entityResult(deps, req, record, view(company));
    });
  }
}
