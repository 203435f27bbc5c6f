/** Word lists for generated people and places: common Danish names, Copenhagen streets and postcodes. */
export const FIRST_NAMES: readonly string[] = [
  'Anne', 'Kirsten', 'Mette', 'Hanne', 'Anna', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Lone', 'Camilla',
  'Pia', 'Louise', 'Charlotte', 'Tina', 'Gitte', 'Bente', 'Ida', 'Emma', 'Sofie', 'Freja', 'Clara', 'Laura',
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Niels', 'Christian', 'Martin', 'Anders',
  'Morten', 'Jesper', 'Mads', 'Rasmus', 'Jørgen', 'Ole', 'Per', 'Kasper', 'Frederik', 'Mikkel', 'Oliver', 'William',
  'Noah', 'Lucas', 'Magnus', 'Asger', 'Bjørn', 'Åge', 'Ærø', 'Nanna', 'Signe', 'Astrid', 'Karoline', 'Malthe',
];

export const LAST_NAMES: readonly string[] = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen',
  'Lund', 'Schmidt', 'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen',
  'Østergaard', 'Jeppesen', 'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Jepsen', 'Mogensen', 'Bach', 'Dahl',
  'Skov', 'Bruun', 'Lindholm', 'Kjærgaard', 'Krogh', 'Ahmed', 'Hussein', 'Nguyen', 'Kowalski', 'Åkesson',
];

export const STREETS: readonly string[] = [
  'Nørrebrogade', 'Jagtvej', 'Østerbrogade', 'Amagerbrogade', 'Vesterbrogade', 'Frederiksberg Allé',
  'Gammel Kongevej', 'Strandvejen', 'Valby Langgade', 'Istedgade', 'Blågårdsgade', 'Sankt Hans Gade',
  'Ryesgade', 'Dronning Louises Bro', 'Tagensvej', 'Englandsvej', 'Tårnbyvej', 'Lyngbyvej', 'Ålekistevej',
];

export const POSTCODES: ReadonlyArray<readonly [string, string]> = [
  ['1050', 'København K'], ['1620', 'København V'], ['2100', 'København Ø'], ['2200', 'København N'],
  ['2300', 'København S'], ['2450', 'København SV'], ['2500', 'Valby'], ['2000', 'Frederiksberg'],
  ['2900', 'Hellerup'], ['2800', 'Kongens Lyngby'], ['2770', 'Kastrup'], ['2400', 'København NV'],
];

export const EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'hotmail.com', 'outlook.dk', 'live.dk', 'mail.dk', 'yahoo.dk', 'icloud.com', 'jubii.dk', 'privat.dk',
];

/** Folds Danish and other accented letters the way people write them in email addresses. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}
