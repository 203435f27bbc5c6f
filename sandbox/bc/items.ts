import { numbersOf } from './numbering';
import { blankNameError } from './customers';
import { itemEntity } from './entities';
import { BcError, applicationError } from './errors';
import { NIL_GUID, guidForCode } from './ids';
import type { BcState, CompanyState } from './state';
import type { BcItem } from './types';
import { validateWrite, type WriteSpec } from './write-body';

const itemWritable: WriteSpec = {
  number: { maxLength: 20, code: true },
  displayName: { maxLength: 100 },
  displayName2: { maxLength: 50 },
  type: { options: ['Inventory', 'Service', 'Non-Inventory'] },
  itemCategoryId: {},
  itemCategoryCode: { maxLength: 20, code: true },
  blocked: {},
  gtin: { maxLength: 14 },
  unitPrice: {},
  priceIncludesTax: {},
  unitCost: {},
  taxGroupId: {},
  taxGroupCode: { maxLength: 20, code: true },
  baseUnitOfMeasureId: {},
  baseUnitOfMeasureCode: { maxLength: 10, code: true },
  generalProductPostingGroupId: {},
  generalProductPostingGroupCode: { maxLength: 20, code: true },
  inventoryPostingGroupId: {},
  inventoryPostingGroupCode: { maxLength: 20, code: true },
};

type CodeField = 'taxGroup' | 'baseUnitOfMeasure' | 'generalProductPostingGroup';

/** The id BC shows for a code: the one other items already carry, else a stable one. */
function idForCode(company: CompanyState, field: CodeField, code: string): string {
  const existing = company.items.find((i) => i[`${field}Code`] === code && i[`${field}Id`] !== '');
  return existing ? existing[`${field}Id`] : guidForCode(field, code);
}

/** Inserts an item, then applies the company's item template selection rule. */
export function createItem(state: BcState, company: CompanyState, body: Record<string, unknown>, now: Date): BcItem {
  const input = validateWrite(body, itemEntity, itemWritable) as Partial<BcItem>;
  const inUse = numbersOf(company.items);
  if (input.number !== undefined && input.number !== '' && inUse.has(input.number)) {
    throw new BcError(
      400,
      'Internal_EntityWithSameKeyExists',
      `The record in table Item already exists. Identification fields and values: No.='${input.number}'`,
    );
  }
  const number = input.number || state.nextNumber(company, 'item', inUse);
  if (!input.displayName?.trim()) throw blankNameError('Item', number);
  const rule = company.templateRules.item;
  const taxGroupCode = input.taxGroupCode ?? rule?.taxGroupCode ?? '';
  const baseUnitOfMeasureCode = input.baseUnitOfMeasureCode ?? rule?.baseUnitOfMeasureCode ?? '';
  const generalProductPostingGroupCode = input.generalProductPostingGroupCode ?? rule?.generalProductPostingGroupCode ?? '';
  const item: BcItem = {
    id: state.newId('item'),
    number,
    displayName: input.displayName,
    displayName2: '',
    type: 'Inventory',
    itemCategoryId: NIL_GUID,
    itemCategoryCode: '',
    blocked: false,
    gtin: '',
    inventory: 0,
    unitPrice: 0,
    priceIncludesTax: false,
    unitCost: 0,
    taxGroupId: idForCode(company, 'taxGroup', taxGroupCode),
    baseUnitOfMeasureId: idForCode(company, 'baseUnitOfMeasure', baseUnitOfMeasureCode),
    generalProductPostingGroupId: idForCode(company, 'generalProductPostingGroup', generalProductPostingGroupCode),
    inventoryPostingGroupId: NIL_GUID,
    inventoryPostingGroupCode: '',
    ...input,
    taxGroupCode,
    baseUnitOfMeasureCode,
    generalProductPostingGroupCode,
    lastModifiedDateTime: now.toISOString(),
  };
  company.items.push(item);
  state.touch(item.id);
  return item;
}

export function updateItem(state: BcState, company: CompanyState, item: BcItem, body: Record<string, unknown>, now: Date): void {
  const input = validateWrite(body, itemEntity, itemWritable) as Partial<BcItem>;
  if (input.number !== undefined && input.number !== item.number && company.items.some((i) => i.number === input.number)) {
    throw new BcError(
      400,
      'Internal_EntityWithSameKeyExists',
      `The record in table Item already exists. Identification fields and values: No.='${input.number}'`,
    );
  }
  if (input.displayName !== undefined && input.displayName.trim() === '') throw blankNameError('Item', item.number);
  Object.assign(item, input, { lastModifiedDateTime: now.toISOString() });
  state.touch(item.id);
}

export function deleteItem(state: BcState, company: CompanyState, item: BcItem): void {
  const used = company.salesInvoices.some((i) => i.status === 'Draft' && i.salesInvoiceLines.some((l) => l.itemId.toLowerCase() === item.id.toLowerCase()));
  if (used) {
    throw applicationError(`You cannot delete Item ${item.number} because there is at least one outstanding Sales Invoice that includes this item.`);
  }
  company.items = company.items.filter((i) => i !== item);
  state.forget(item.id);
}
