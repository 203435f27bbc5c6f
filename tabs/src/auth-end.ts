import { app, authentication } from '@microsoft/teams-js';
import { completeSignIn } from './teams/auth-end-page';

// The sign-in window's last page (auth-end.html, served at /auth-end): report to the tab, then Teams closes it.
const answer = { hash: window.location.hash, search: window.location.search };
// The fragment holds an authorization code nobody will redeem: keep it out of the history all the same.
window.history.replaceState(null, '', window.location.pathname);
void completeSignIn(answer, {
  initialize: () => app.initialize(),
  notifySuccess: (result) => authentication.notifySuccess(result),
  notifyFailure: (reason) => authentication.notifyFailure(reason),
});
