/**
 * The Graph Bookings emulator's records, in Microsoft Graph v1.0 wire shape (what GET returns), so that
 * the seed, the emulator and its tests agree on one model. Only the properties the product reads, plus
 * a few it ignores, as Graph has them.
 */
export type BookingPriceType = 'undefined' | 'fixedPrice' | 'startingAt' | 'hourly' | 'free' | 'priceVaries' | 'callUs' | 'notSet' | 'unknownFutureValue';

/** `dateTime` is `YYYY-MM-DDTHH:mm:ss.0000000` in the given time zone (Graph sends UTC with `timeZone: "UTC"`). */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface BookingBusiness {
  id: string; // the business's SMTP address
  displayName: string;
  businessType: string;
  defaultCurrencyIso: string;
  email: string;
  phone: string;
  webSiteUrl: string;
  languageTag: string;
  address: { street: string; city: string; postalCode: string; state: string; countryOrRegion: string };
}

export interface BookingStaffMember {
  id: string;
  displayName: string;
  emailAddress: string;
  role: 'administrator' | 'viewer' | 'externalGuest' | 'scheduler' | 'teamMember';
  timeZone: string;
  useBusinessHours: boolean;
  isEmailNotificationEnabled: boolean;
}

export interface BookingService {
  id: string;
  displayName: string;
  description: string;
  defaultDuration: string; // ISO 8601 duration, e.g. PT50M
  defaultPrice: number;
  defaultPriceType: BookingPriceType;
  isHiddenFromCustomers: boolean;
  maximumAttendeesCount: number;
  staffMemberIds: string[];
  preBuffer: string;
  postBuffer: string;
}

export interface BookingCustomer {
  id: string;
  displayName: string;
  emailAddress: string; // '' when Bookings has none
  addresses: Array<{ street: string; city: string; postalCode: string; state: string; countryOrRegion: string; type: string }>;
  phones: Array<{ number: string; type: 'home' | 'business' | 'mobile' | 'other' }>;
  createdDateTime: string;
  lastUpdatedDateTime: string;
}

export interface BookingCustomerInformation {
  '@odata.type': '#microsoft.graph.bookingCustomerInformation';
  customerId: string;
  name: string;
  emailAddress: string;
  phone: string;
  timeZone: string; // may be a Windows name such as "Romance Standard Time"
  notes: string;
  location: null;
  customQuestionAnswers: unknown[];
}

export interface BookingAppointment {
  id: string;
  selfServiceAppointmentId: string;
  additionalInformation: string;
  isLocationOnline: boolean;
  joinWebUrl: string | null;
  customerTimeZone: string;
  smsNotificationsEnabled: boolean;
  serviceId: string;
  serviceName: string;
  serviceNotes: string;
  duration: string;
  preBuffer: string;
  postBuffer: string;
  price: number;
  priceType: BookingPriceType;
  staffMemberIds: string[];
  startDateTime: DateTimeTimeZone;
  endDateTime: DateTimeTimeZone;
  maximumAttendeesCount: number;
  filledAttendeesCount: number;
  optOutOfCustomerEmail: boolean;
  anonymousJoinWebUrl: string | null;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  customers: BookingCustomerInformation[];
}

/** One Bookings business and everything in its mailbox. */
export interface BookingsBusinessData {
  business: BookingBusiness;
  staffMembers: BookingStaffMember[];
  services: BookingService[];
  customers: BookingCustomer[];
  appointments: BookingAppointment[];
}

export interface BookingsSeed {
  businesses: BookingsBusinessData[];
}
