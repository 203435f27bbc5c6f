/**
 * Customers chosen to break naive code: emails equal but for case, no email, names with markup, template
 * syntax, emoji and letters beyond ASCII, lengths beyond Business Central's fields, customers in other
 * time zones, companies. `bc` says how the Business Central company already knows the customer.
 */
export interface SpecialCustomer {
  name: string;
  email: string;
  /** Windows time zone name, as Bookings writes it into appointments. */
  timeZone?: string;
  kind?: 'person' | 'company';
  phone?: string;
  bc?: { email: string; type: 'Person' | 'Company'; blocked?: boolean };
}

const LONG_NAME = 'Christian Frederik Valdemar Østergaard-Lauritzen af Rosenholm, Bestyrelsesformand i Foreningen for Langt Navngivne Patienter';

export const SPECIAL_CUSTOMERS: readonly SpecialCustomer[] = [
  // Emails that differ only in case: one person booked twice, or two people sharing an address.
  { name: 'Mette Hansen', email: 'mette.hansen@gmail.com', bc: { email: 'mette.hansen@gmail.com', type: 'Person' } },
  { name: 'Mette Hansen', email: 'Mette.Hansen@Gmail.com' },
  { name: 'Peter Larsen', email: 'peter.larsen@hotmail.com', bc: { email: 'Peter.Larsen@hotmail.com', type: 'Person' } },
  { name: 'P. Larsen', email: 'PETER.LARSEN@HOTMAIL.COM' },
  { name: 'Karen Jørgensen', email: 'karen.j@outlook.dk' },
  { name: 'Karen Jorgensen', email: 'Karen.J@outlook.dk' },
  // Customers in other time zones (Bookings writes Windows names).
  { name: 'Oliver Smith', email: 'oliver.smith@btinternet.com', timeZone: 'GMT Standard Time', bc: { email: 'oliver.smith@btinternet.com', type: 'Person' } },
  { name: 'Emily Johnson', email: 'Emily.Johnson@outlook.com', timeZone: 'Pacific Standard Time' },
  { name: 'Hans Becker', email: 'hans.becker@web.de', timeZone: 'W. Europe Standard Time', bc: { email: 'HANS.BECKER@WEB.DE', type: 'Person' } },
  { name: 'Mikko Virtanen', email: 'mikko.virtanen@elisa.fi', timeZone: 'FLE Standard Time' },
  { name: 'Sarah Miller', email: 'sarah.miller@gmail.com', timeZone: 'Eastern Standard Time' },
  { name: 'Priya Sharma', email: 'priya.sharma@gmail.com', timeZone: 'India Standard Time' },
  // Letters beyond ASCII, emoji.
  { name: 'Søren Østergård', email: 'soeren.oestergaard@mail.dk', bc: { email: 'soeren.oestergaard@mail.dk', type: 'Person' } },
  { name: 'Åse Ærbø', email: 'aase.aerboe@jubii.dk' },
  { name: 'Jürgen Müller', email: 'juergen.mueller@gmx.de', timeZone: 'W. Europe Standard Time' },
  { name: 'Zoë Bélanger', email: 'zoe.belanger@gmail.com' },
  { name: 'José Martínez Peña', email: 'jose.martinez@gmail.com', timeZone: 'Romance Standard Time' },
  { name: 'Łukasz Wiśniewski', email: 'lukasz.wisniewski@wp.pl', timeZone: 'Central European Standard Time' },
  { name: 'Ólafur Þórsson', email: 'olafur.thorsson@simnet.is', timeZone: 'Greenwich Standard Time' },
  { name: 'Maja 🌸 Holm', email: 'maja.holm@icloud.com', bc: { email: 'maja.holm@icloud.com', type: 'Person' } },
  { name: 'Emil 💪 Kristensen', email: 'emil.kristensen@gmail.com' },
  { name: '李娜 (Li Na)', email: 'li.na@qq.com', timeZone: 'China Standard Time' },
  // Names that look like markup, markdown or card template syntax.
  { name: '<b>Bo</b> Jensen', email: 'bo.jensen@mail.dk', bc: { email: 'bo.jensen@mail.dk', type: 'Person' } },
  { name: '*Stjerne* Nielsen', email: 'stjerne.nielsen@gmail.com' },
  { name: '[link](x) Hansen', email: 'link.hansen@gmail.com' },
  { name: 'Tom &amp; Jerry Hansen', email: 'tom.jerry@hansen.dk', bc: { email: 'tom.jerry@hansen.dk', type: 'Person' } },
  { name: 'Ulla <script>alert(1)</script> Berg', email: 'ulla.berg@live.dk' },
  { name: '_Ida_ `Kode` Lund', email: 'ida.lund@outlook.dk' },
  { name: 'Kim ${name} Sørensen', email: 'kim.soerensen@mail.dk' },
  { name: '# Overskrift Poulsen', email: 'overskrift.poulsen@gmail.com' },
  { name: "Lise O'Connor", email: 'lise.oconnor@gmail.com' },
  { name: '"Citat" Madsen', email: 'citat.madsen@privat.dk' },
  { name: '  Mette   Lund  ', email: 'mette.lund@privat.dk' },
  // Beyond Business Central's field lengths: displayName Text[100], email Text[80].
  { name: LONG_NAME, email: 'c.rosenholm@mail.dk', bc: { email: 'c.rosenholm@mail.dk', type: 'Person' } },
  { name: 'Valdemar Lauritzen', email: 'christian.frederik.valdemar.oestergaard-lauritzen@fysioterapi-og-genoptraening-eksempel.dk' },
  // Companies paying for their staff; one is known in Business Central by a second address.
  {
    name: 'Havnefront Logistik A/S',
    email: 'hr@havnefront-logistik.dk',
    kind: 'company',
    phone: '+45 70 20 30 40',
    bc: { email: 'faktura@havnefront-logistik.dk;hr@havnefront-logistik.dk', type: 'Company' },
  },
  {
    name: 'Bryggen Arkitekter ApS',
    email: 'kontor@bryggen-arkitekter.dk',
    kind: 'company',
    phone: '+45 33 44 55 66',
    bc: { email: 'Kontor@Bryggen-Arkitekter.dk', type: 'Company' },
  },
  { name: 'Vesterbro Boldklub', email: 'kasserer@vesterbro-bk.dk', kind: 'company' },
  { name: 'Anne Vestergaard', email: 'anne.vestergaard@live.dk', bc: { email: 'anne.vestergaard@live.dk;anne@vestergaard-design.dk', type: 'Person' } },
  // Blocked in Business Central: the Unbilled list and invoicing show it as customer-blocked.
  { name: 'Bent Ravn', email: 'bent.ravn@mail.dk', bc: { email: 'bent.ravn@mail.dk', type: 'Person', blocked: true } },
  // Same name as an unrelated Business Central customer with another email: must not be matched by name.
  { name: 'Lars Nielsen', email: 'lars.nielsen@gmail.com' },
  // No email: cannot be invoiced until one is added.
  { name: 'Walk-in kunde', email: '', phone: '' },
  { name: 'Inge Nielsen', email: '' },
];
