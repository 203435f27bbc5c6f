import type restify from 'restify';

/*
 * The manifest's privacyUrl and termsOfUseUrl. Short and true to what this app does: it keeps its data
 * in the operator's own database and talks only to the tenant's Microsoft Graph and Business Central.
 */

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Bookings Invoicing</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>${title}</h1>${body}</body></html>
`;

export const PRIVACY_HTML = page(
  'Privacy',
  `<p>Bookings Invoicing runs in your organisation's own Azure subscription (or on your own machine) and is operated by your organisation, not by a third party.</p>
<h2>What it stores</h2>
<ul>
<li>From Microsoft Bookings: appointments (time, service, staff, price, price type) and the customers attending them (name and email address).</li>
<li>From Business Central: the ids and numbers of the customers, items and draft invoices it links or creates.</li>
<li>Its setup, the history of syncs and invoice runs, and an audit log of who changed what (the Microsoft Entra object id and display name of the user).</li>
<li>Where the bot is installed (the Teams conversation references), to post the daily summary.</li>
</ul>
<h2>Where it goes</h2>
<p>Everything stays in the app's database (SQLite on the App Service's disk, or your PostgreSQL server). The app reads Microsoft Bookings through Microsoft Graph and writes draft invoices to Business Central, both in your tenant; it sends data nowhere else and collects no telemetry. Its logs leave out tokens and personal data.</p>
<h2>Removing data</h2>
<p>Uninstalling the app from Teams stops it posting to that conversation; deleting its database removes everything it stored. Invoices created in Business Central stay there, under Business Central's own rules.</p>`,
);

export const TERMS_HTML = page(
  'Terms of use',
  `<p>Bookings Invoicing creates <strong>draft</strong> sales invoices in Business Central from completed Microsoft Bookings appointments. Nothing is posted: a person reviews and posts each draft in Business Central.</p>
<p>Use it with the Microsoft 365 and Business Central accounts and permissions your organisation grants it, and check the amounts before posting: the app verifies every draft against the Bookings price, but your bookkeeping remains your responsibility.</p>
<p>The app is provided as is, without warranty. Your organisation operates it; questions go to your administrator.</p>`,
);

/** GET /privacy and /terms: public pages, no sign-in (Teams links to them from the app's details). */
export function registerLegalPages(server: restify.Server): void {
  for (const [route, html] of [
    ['/privacy', PRIVACY_HTML],
    ['/terms', TERMS_HTML],
  ] as const) {
    server.get(route, async (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(Buffer.byteLength(html)),
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(html);
    });
  }
}
