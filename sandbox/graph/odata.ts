/** `@odata.context` values in the shapes Graph returns for Bookings. */
export function businessesContext(origin: string): string {
  return `${origin}/v1.0/$metadata#solutions/bookingBusinesses`;
}

export function businessEntityContext(origin: string): string {
  return `${origin}/v1.0/$metadata#solutions/bookingBusinesses/$entity`;
}

/** e.g. .../solutions/$metadata#bookingBusinesses('a%40b.com')/calendarView, as in Graph's samples. */
export function businessCollectionContext(origin: string, businessId: string, collection: string): string {
  return `${origin}/v1.0/solutions/$metadata#bookingBusinesses('${encodeURIComponent(businessId)}')/${collection}`;
}

export function businessEntityInCollectionContext(origin: string, businessId: string, collection: string): string {
  return `${businessCollectionContext(origin, businessId, collection)}/$entity`;
}
