import { rolesFor } from './roles';

const anna = { id: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', name: 'Anna', email: 'Anna@Contoso.com', appRoles: [] };

test('with both lists empty everyone signed in is admin and invoicer (first run)', () => {
  expect(rolesFor(anna, { admins: [], invoicers: [] })).toEqual(['admin', 'invoicer', 'reader']);
});

test('listed by email in any letter case, or by object id', () => {
  expect(rolesFor(anna, { admins: ['anna@contoso.com'], invoicers: [] })).toEqual(['admin', 'invoicer', 'reader']);
  expect(rolesFor(anna, { admins: ['x@contoso.com'], invoicers: [anna.id] })).toEqual(['invoicer', 'reader']);
});

test('not listed: reader only', () => {
  expect(rolesFor(anna, { admins: ['x@contoso.com'], invoicers: ['y@contoso.com'] })).toEqual(['reader']);
});

test('Entra app roles count as well', () => {
  expect(rolesFor({ ...anna, appRoles: ['Invoicer'] }, { admins: ['x@contoso.com'], invoicers: [] })).toEqual(['invoicer', 'reader']);
});

test('assigned Entra app roles govern from the first run: a Reader is not made admin by empty lists', () => {
  expect(rolesFor({ ...anna, appRoles: ['Reader'] }, { admins: [], invoicers: [] })).toEqual(['reader']);
  expect(rolesFor({ ...anna, appRoles: ['Admin'] }, { admins: [], invoicers: [] })).toEqual(['admin', 'invoicer', 'reader']);
});
