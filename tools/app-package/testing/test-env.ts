/** What provision would have written for an environment "test": fixed ids, a made-up host. */
export const TEST_ENV = {
  TEAMS_APP_ID: '3b9a7c51-2d4e-4f60-8a1b-9c0d1e2f3a4b',
  BOT_ID: '5f0e9a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  AAD_APP_CLIENT_ID: '0c5b7d3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e',
  TAB_ENDPOINT: 'https://bookings-invoicing-test.azurewebsites.net',
  TAB_DOMAIN: 'bookings-invoicing-test.azurewebsites.net',
} as const;
