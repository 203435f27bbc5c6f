import type { RouteRequest, Router } from '../../http/router';
import { apiRoot, companyOf, keyOf, type ApiDeps } from '../api';
import { salesInvoiceEntity, salesInvoiceLineEntity } from '../entities';
import { notFound } from '../errors';
import { checkIfMatch } from '../etag';
import { findById } from '../ids';
import { parseQueryOptions } from '../query-options';
import {
  addLine,
  cancelInvoice,
  createInvoice,
  deleteInvoice,
  deleteLine,
  postAndSendInvoice,
  postInvoice,
  sendInvoice,
  updateInvoice,
  updateLine,
} from '../sales-invoices';
import { noContent, toWire } from '../serialize';
import type { CompanyState } from '../state';
import type { BcSalesInvoice, BcSalesInvoiceLine } from '../types';
import { parseObjectBody } from '../write-body';
import { entityResult, listResponse, type EntitySetView } from './collection';

export function registerSalesInvoiceRoutes(router: Router, deps: ApiDeps): void {
  const lineView = (company: CompanyState, invoice: BcSalesInvoice): EntitySetView<BcSalesInvoiceLine> => ({
    entity: salesInvoiceLineEntity,
    entitySetPath: `companies(${company.company.id})/salesInvoices(${invoice.id})/salesInvoiceLines`,
    key: (l) => l.sequence,
    wire: (l, o) => toWire(l, deps.state.version(l.id), o.select),
  });
  const invoiceView = (company: CompanyState): EntitySetView<BcSalesInvoice> => ({
    entity: salesInvoiceEntity,
    entitySetPath: `companies(${company.company.id})/salesInvoices`,
    key: (i) => i.number,
    wire: (invoice, o) => {
      const wire = toWire(invoice, deps.state.version(invoice.id), o.select, ['salesInvoiceLines']);
      if (o.expand.includes('salesInvoiceLines')) {
        wire.salesInvoiceLines = [...invoice.salesInvoiceLines]
          .sort((a, b) => a.sequence - b.sequence)
          .map((l) => toWire(l, deps.state.version(l.id), undefined));
      }
      return wire;
    },
  });
  const findInvoice = (company: CompanyState, req: RouteRequest): BcSalesInvoice => {
    const invoice = findById(company.salesInvoices, keyOf(req, 'id'));
    if (!invoice) throw notFound();
    return invoice;
  };
  const findLine = (invoice: BcSalesInvoice, req: RouteRequest): BcSalesInvoiceLine => {
    const line = findById(invoice.salesInvoiceLines, keyOf(req, 'lineId'));
    if (!line) throw notFound();
    return line;
  };
  const invoices = '/companies(:companyId)/salesInvoices';
  const invoice = `${invoices}(:id)`;
  const lines = `${invoice}/salesInvoiceLines`;
  const line = `${lines}(:lineId)`;

  router.add('GET', invoices, (req) => {
    const company = companyOf(deps, req);
    return listResponse(deps, req, company.salesInvoices, invoiceView(company));
  });
  router.add('GET', invoice, (req) => {
    const company = companyOf(deps, req);
    return entityResult(deps, req, findInvoice(company, req), invoiceView(company));
  });
  router.add('POST', invoices, (req) => {
    const company = companyOf(deps, req);
    // Query options are checked first so that a bad $expand cannot leave a half-answered insert.
    parseQueryOptions(req.url.searchParams, salesInvoiceEntity, 'entity');
    const created = createInvoice(deps.state, company, parseObjectBody(req.body), deps.now());
    const response = entityResult(deps, req, created, invoiceView(company), 201);
    response.headers = { ...response.headers, location: `${apiRoot(deps, req)}/companies(${company.company.id})/salesInvoices(${created.id})` };
    return response;
  });
  router.add('PATCH', invoice, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    const body = parseObjectBody(req.body);
    checkIfMatch(req.headers['if-match'], deps.state.version(found.id));
    updateInvoice(deps.state, company, found, body, deps.now());
    return entityResult(deps, req, found, invoiceView(company));
  });
  router.add('DELETE', invoice, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    checkIfMatch(req.headers['if-match'], deps.state.version(found.id));
    deleteInvoice(deps.state, company, found);
    return noContent();
  });
  router.add('POST', `${invoice}/Microsoft.NAV.post`, (req) => {
    const company = companyOf(deps, req);
    postInvoice(deps.state, company, findInvoice(company, req), deps.now());
    return noContent();
  });
  router.add('POST', `${invoice}/Microsoft.NAV.postAndSend`, (req) => {
    const company = companyOf(deps, req);
    postAndSendInvoice(deps.state, company, findInvoice(company, req), deps.now());
    return noContent();
  });
  router.add('POST', `${invoice}/Microsoft.NAV.send`, (req) => {
    const company = companyOf(deps, req);
    sendInvoice(company, findInvoice(company, req), deps.now());
    return noContent();
  });
  router.add('POST', `${invoice}/Microsoft.NAV.cancel`, (req) => {
    const company = companyOf(deps, req);
    cancelInvoice(deps.state, findInvoice(company, req), deps.now());
    return noContent();
  });

  router.add('GET', lines, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    return listResponse(deps, req, found.salesInvoiceLines, lineView(company, found));
  });
  router.add('GET', line, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    return entityResult(deps, req, findLine(found, req), lineView(company, found));
  });
  router.add('POST', lines, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    const created = addLine(deps.state, company, found, parseObjectBody(req.body), deps.now());
    return entityResult(deps, req, created, lineView(company, found), 201);
  });
  router.add('PATCH', line, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    const target = findLine(found, req);
    const body = parseObjectBody(req.body);
    checkIfMatch(req.headers['if-match'], deps.state.version(target.id));
    updateLine(deps.state, company, found, target, body, deps.now());
    return entityResult(deps, req, target, lineView(company, found));
  });
  router.add('DELETE', line, (req) => {
    const company = companyOf(deps, req);
    const found = findInvoice(company, req);
    const target = findLine(found, req);
    checkIfMatch(req.headers['if-match'], deps.state.version(target.id));
    deleteLine(deps.state, found, target, deps.now());
    return noContent();
  });
}
