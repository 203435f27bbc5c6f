import type { BookingBusiness } from '../graph/types';
import { CLINIC_CURRENCY, SANDBOX_BUSINESS_ID } from './constants';

export const CLINIC_BUSINESS: BookingBusiness = {
  id: SANDBOX_BUSINESS_ID,
  displayName: 'Nordlys Fysioterapi',
  businessType: 'Physical therapy',
  defaultCurrencyIso: CLINIC_CURRENCY,
  email: SANDBOX_BUSINESS_ID,
  phone: '+45 33 12 34 56',
  webSiteUrl: 'https://nordlys-fysioterapi.dk',
  languageTag: 'da-DK',
  address: { street: 'Nørrebrogade 52', city: 'København N', postalCode: '2200', state: '', countryOrRegion: 'DK' },
};
