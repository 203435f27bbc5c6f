/**
 * The Microsoft clients that request tab SSO tokens (Microsoft's list for "authorized client
 * applications" of a Teams tab): Teams desktop/mobile and web, Microsoft 365 (Office) web and
 * desktop, Outlook desktop, web and mobile. A token naming another client (`azp` in v2.0, `appid`
 * in v1.0) was requested by some other app for our API, and is refused.
 */
export const TEAMS_CLIENT_IDS: ReadonlySet<string> = new Set([
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop, mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
]);

/** The scope the tab's manifest exposes (`webApplicationInfo`): only tokens carrying it are for the tab. */
export const TAB_SCOPE = 'access_as_user';
