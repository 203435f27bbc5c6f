/*
 * The parts of @microsoft/teams-js the tab uses, in a module of their own so that importing it lazily
 * still lets the bundler leave out the rest of the library (a namespace import would keep it all).
 */
export { app, authentication } from '@microsoft/teams-js';
