import type { SsoProblem } from '../../teams/sso-failure';

interface SignInMessages {
  signIn: string;
  detail: string;
  problems: Record<SsoProblem, { title: string; body: string }>;
}

const ADMIN_EN =
  'Ask your Microsoft 365 admin to grant consent to Bookings Invoicing in the Teams admin center (Teams apps → Manage apps → Bookings Invoicing → Permissions) or the Microsoft Entra admin center (Enterprise applications → Bookings Invoicing → Permissions → Grant admin consent). It takes a Global Administrator or a Privileged Role Administrator, because the app reads Bookings with Microsoft Graph application permissions.';
const ADMIN_DA =
  'Bed din Microsoft 365-administrator om at give samtykke til Bookings Invoicing i Teams-administrationscenteret (Teams-apps → Administrer apps → Bookings Invoicing → Tilladelser) eller i Microsoft Entra-administrationscenteret (Virksomhedsprogrammer → Bookings Invoicing → Tilladelser → Giv administratorsamtykke). Det kræver en global administrator eller en administrator af privilegerede roller, fordi appen læser Bookings med programtilladelser i Microsoft Graph.';

/** The sign-in notice's own strings, kept beside it like the setup checklist's. */
export const SIGN_IN_MESSAGES: Record<'en' | 'da', SignInMessages> = {
  en: {
    signIn: 'Sign in',
    detail: 'Details',
    problems: {
      'admin-consent-required': { title: 'An admin must approve Bookings Invoicing', body: ADMIN_EN },
      cancelled: {
        title: 'Sign-in was not finished',
        body: `Bookings Invoicing needs your consent once before it can show anything. Select Sign in and accept in the window that opens. If that window says an admin's approval is needed: ${ADMIN_EN}`,
      },
      'popup-blocked': { title: 'The sign-in window was blocked', body: 'Select Sign in to open it again, and allow it if your browser asks.' },
      failed: { title: 'Sign-in failed', body: 'Teams could not sign you in to Bookings Invoicing. Select Sign in to try again.' },
    },
  },
  da: {
    signIn: 'Log ind',
    detail: 'Detaljer',
    problems: {
      'admin-consent-required': { title: 'En administrator skal godkende Bookings Invoicing', body: ADMIN_DA },
      cancelled: {
        title: 'Logon blev ikke gjort færdigt',
        body: `Bookings Invoicing skal have dit samtykke én gang, før den kan vise noget. Vælg Log ind, og accepter i vinduet, der åbnes. Hvis vinduet siger, at en administrator skal godkende: ${ADMIN_DA}`,
      },
      'popup-blocked': { title: 'Logonvinduet blev blokeret', body: 'Vælg Log ind for at åbne det igen, og tillad det, hvis browseren spørger.' },
      failed: { title: 'Logon mislykkedes', body: 'Teams kunne ikke logge dig på Bookings Invoicing. Vælg Log ind for at prøve igen.' },
    },
  },
};
