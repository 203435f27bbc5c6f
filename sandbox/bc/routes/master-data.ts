import type { Router } from '../../http/router';
import { apiRoot, companyOf, keyOf, type ApiDeps } from '../api';
import { createCustomer, deleteCustomer, updateCustomer } from '../customers';
import { customerEntity, itemEntity, type EntityDescriptor } from '../entities';
import { notFound } from '../errors';
import { checkIfMatch } from '../etag';
import { findById } from '../ids';
import { createItem, deleteItem, updateItem } from '../items';
import { noContent, toWire } from '../serialize';
import type { BcState, CompanyState } from '../state';
import { parseObjectBody } from '../write-body';
import { entityResult, listResponse, type EntitySetView } from './collection';

interface MasterDataSet<T extends { id: string; number: string }> {
  name: string;
  entity: EntityDescriptor;
  records: (company: CompanyState) => T[];
  create: (state: BcState, company: CompanyState, body: Record<string, unknown>, now: Date) => T;
  update: (state: BcState, company: CompanyState, record: T, body: Record<string, unknown>, now: Date) => void;
  remove: (state: BcState, company: CompanyState, record: T) => void;
}

/** customers and items: list, get, POST, PATCH and DELETE with If-Match. */
function registerMasterData<T extends { id: string; number: string }>(router: Router, deps: ApiDeps, set: MasterDataSet<T>): void {
  const view = (company: CompanyState): EntitySetView<T> => ({
    entity: set.entity,
    entitySetPath: `companies(${company.company.id})/${set.name}`,
    key: (r) => r.number,
    wire: (r, o) => toWire(r, deps.state.version(r.id), o.select),
  });
  const find = (company: CompanyState, id: string): T => {
    const record = findById(set.records(company), id);
    if (!record) throw notFound();
    return record;
  };
  const collection = `/companies(:companyId)/${set.name}`;
  const single = `${collection}(:id)`;

  router.add('GET', collection, (req) => {
    const company = companyOf(deps, req);
    return listResponse(deps, req, set.records(company), view(company));
  });
  router.add('GET', single, (req) => {
    const company = companyOf(deps, req);
    return entityResult(deps, req, find(company, keyOf(req, 'id')), view(company));
  });
  router.add('POST', collection, (req) => {
    const company = companyOf(deps, req);
    const record = set.create(deps.state, company, parseObjectBody(req.body), deps.now());
    const response = entityResult(deps, req, record, view(company), 201);
    response.headers = { ...response.headers, location: `${apiRoot(deps, req)}/companies(${company.company.id})/${set.name}(${record.id})` };
    return response;
  });
  router.add('PATCH', single, (req) => {
    const company = companyOf(deps, req);
    const record = find(company, keyOf(req, 'id'));
    const body = parseObjectBody(req.body);
    checkIfMatch(req.headers['if-match'], deps.state.version(record.id));
    set.update(deps.state, company, record, body, deps.now());
    return entityResult(deps, req, record, view(company));
  });
  router.add('DELETE', single, (req) => {
    const company = companyOf(deps, req);
    const record = find(company, keyOf(req, 'id'));
    checkIfMatch(req.headers['if-match'], deps.state.version(record.id));
    set.remove(deps.state, company, record);
    return noContent();
  });
}

export function registerMasterDataRoutes(router: Router, deps: ApiDeps): void {
  registerMasterData(router, deps, {
    name: 'customers',
    entity: customerEntity,
    records: (c) => c.customers,
    create: createCustomer,
    update: updateCustomer,
    remove: deleteCustomer,
  });
  registerMasterData(router, deps, {
    name: 'items',
    entity: itemEntity,
    records: (c) => c.items,
    create: createItem,
    update: updateItem,
    remove: deleteItem,
  });
}
