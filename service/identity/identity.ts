/**
 * Who acts, the same for every face. A person is an Entra user: their object id within their
 * tenant (`tid` + `oid`), never an email (an email claim is whatever the token's tenant says it is).
 * An operator is whoever runs the CLI, or the browser on the sandbox's loopback: they hold the
 * database and the configuration already, so nothing the app decides could stop them.
 */
export type Identity = UserIdentity | OperatorIdentity;

export interface UserIdentity {
  kind: 'user';
  /** Lower-case GUIDs. */
  tenantId: string;
  objectId: string;
  name: string;
  /** Entra app roles (`roles` claim), as sent. */
  appRoles: readonly string[];
  /** A guest (B2B) account in its tenant: never the first admin. */
  guest: boolean;
}

export interface OperatorIdentity {
  kind: 'operator';
  /** What the audit log names: `cli:<os user>` or the sandbox's local user. */
  name: string;
}

/** How runs and setup changes record who asked: stable ids, never a display name. */
export function actorOf(identity: Identity): string {
  return identity.kind === 'user' ? `${identity.tenantId}/${identity.objectId}` : identity.name;
}
