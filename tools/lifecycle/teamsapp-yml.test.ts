import { type Action, envFileNames, placeholders, readLifecycle, readText } from './lifecycle-files';

/**
 * What the Agents Toolkit's YAML schema (v1.9) requires of each action this project uses: its `with`
 * fields and the outputs `writeToEnvironmentFile` must name. The toolkit CLI itself is ~450 MB, so this
 * test checks the files offline; README "Install in your tenant" runs the CLI.
 */
const REQUIRED: Record<string, { with: string[]; writes?: string[] }> = {
  'teamsApp/create': { with: ['name'], writes: ['teamsAppId'] },
  'aadApp/create': { with: ['name', 'generateClientSecret', 'signInAudience'], writes: ['clientId', 'clientSecret'] },
  'aadApp/update': { with: ['manifestPath', 'outputFilePath'] },
  'botAadApp/create': { with: ['name'], writes: ['botId', 'botPassword'] },
  'botFramework/create': { with: ['botId', 'name', 'messagingEndpoint'] },
  'arm/deploy': { with: ['subscriptionId', 'resourceGroupName', 'templates'] },
  script: { with: ['run'] },
  'teamsApp/validateManifest': { with: ['manifestPath'] },
  'teamsApp/zipAppPackage': { with: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/update': { with: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { with: ['appPackagePath'], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { with: ['args'] },
  'azureAppService/zipDeploy': { with: ['artifactFolder', 'resourceId'] },
};

const uses = (actions: Action[] | undefined) => (actions ?? []).map((a) => a.uses);

function missingFields(actions: Action[]): string[] {
  return actions.flatMap((a, i) => {
    const need = REQUIRED[a.uses];
    if (need === undefined) return [`#${i} ${a.uses}: not an action this test knows`];
    return [
      ...need.with.filter((k) => a.with?.[k] === undefined || a.with[k] === '').map((k) => `#${i} ${a.uses}: with.${k}`),
      ...(need.writes ?? []).filter((k) => a.writeToEnvironmentFile?.[k] === undefined).map((k) => `#${i} ${a.uses}: writeToEnvironmentFile.${k}`),
    ];
  });
}

/** Toolkit variables set without an env file: the environment's name and the Azure ids it asks for. */
const BUILT_IN = new Set(['TEAMSFX_ENV']);

describe('teamsapp.yml', () => {
  const lifecycle = readLifecycle('teamsapp.yml');

  it('has the three lifecycles with the actions that provision, deploy and publish the app', () => {
    expect(uses(lifecycle.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]);
    expect(uses(lifecycle.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(lifecycle.deploy?.map((a) => a.with?.['args'] ?? null)).toEqual(['ci', 'run build:tab', null]);
    expect(uses(lifecycle.publish)).toEqual(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage']);
  });

  it("gives every action the fields the toolkit's schema requires", () => {
    expect(missingFields([...lifecycle.provision, ...(lifecycle.deploy ?? []), ...(lifecycle.publish ?? [])])).toEqual([]);
  });

  it('fixes its projectId, so a run never writes one into this committed file', () => {
    expect(lifecycle.projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(readLifecycle('teamsapp.local.yml').projectId).toBe(lifecycle.projectId);
  });

  it('writes outputs only into env files and git-ignored build folders', () => {
    const outputs = lifecycle.provision.flatMap((a) => [a.with?.['outputFilePath'], a.with?.['outputZipPath'], a.with?.['outputFolder']]);
    const ignored = readText('.gitignore').split('\n');
    for (const output of outputs.filter((o): o is string => typeof o === 'string')) {
      const asPath = `${output.replace(/^\.\//, '/')}/`;
      const isIgnored = ignored.some((line) => line.endsWith('/') && asPath.startsWith(line.startsWith('/') ? line : `/${line}`));
      expect([output, isIgnored]).toEqual([output, true]);
    }
  });

  it('refers only to variables env/.env.dev lists or an earlier action writes', () => {
    const listed = envFileNames('env/.env.dev');
    const written = new Set(lifecycle.provision.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})));
    const armOutputs = [...readText('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
    const texts = ['teamsapp.yml', 'infra/azure.parameters.json', 'aad.manifest.json', 'appPackage/manifest.json'].map(readText);
    const unknown = placeholders(texts.join('\n')).filter((v) => !listed.has(v) && !written.has(v) && !armOutputs.includes(v) && !BUILT_IN.has(v));
    expect(unknown).toEqual([]);
    // What arm/deploy writes is listed (empty) in the committed file, so its first write is an edit, not a surprise.
    expect(armOutputs.filter((v) => !listed.has(v))).toEqual([]);
  });
});

describe('teamsapp.local.yml', () => {
  const lifecycle = readLifecycle('teamsapp.local.yml');

  it('registers the bot at the dev tunnel and serves the tab from the same address', () => {
    expect(uses(lifecycle.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'botFramework/create',
      'script',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]);
    expect(lifecycle.provision[3]?.with?.['messagingEndpoint']).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(lifecycle.provision[4]?.with?.['run']).toBe(
      'echo "::set-teamsfx-env TAB_ENDPOINT=${{BOT_ENDPOINT}}"; echo "::set-teamsfx-env TAB_DOMAIN=${{BOT_DOMAIN}}";',
    );
    expect(missingFields([...lifecycle.provision, ...(lifecycle.deploy ?? [])])).toEqual([]);
  });

  it('refers only to variables env/.env.local lists or an earlier action writes', () => {
    const listed = envFileNames('env/.env.local');
    const written = new Set(['TAB_ENDPOINT', 'TAB_DOMAIN', ...lifecycle.provision.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}))]);
    const texts = ['teamsapp.local.yml', 'aad.manifest.json', 'appPackage/manifest.json'].map(readText);
    expect(placeholders(texts.join('\n')).filter((v) => !listed.has(v) && !written.has(v) && !BUILT_IN.has(v))).toEqual([]);
  });
});

describe('aad.manifest.json', () => {
  const aad = JSON.parse(readText('aad.manifest.json')) as {
    identifierUris: string[];
    api: { oauth2PermissionScopes: { value: string; id: string }[]; preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] };
    appRoles: { value: string }[];
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };

  it('exposes access_as_user at the App ID URI the server accepts, pre-authorised for the Teams clients', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.api.oauth2PermissionScopes.map((s) => [s.value, s.id])).toEqual([['access_as_user', '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']]);
    const teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
    const preAuthorized = aad.api.preAuthorizedApplications.map((p) => p.appId);
    expect(teamsClients.filter((id) => !preAuthorized.includes(id))).toEqual([]);
    for (const p of aad.api.preAuthorizedApplications) expect(p.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
  });

  it('defines the app roles the API maps and asks for the Bookings and Business Central application permissions', () => {
    expect(aad.appRoles.map((r) => r.value)).toEqual(['Admin', 'Invoicer', 'Reader']);
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'Bookings.Read.All', type: 'Role' },
          { id: 'BookingsAppointment.ReadWrite.All', type: 'Role' },
        ],
      },
      // Dynamics 365 Business Central, API.ReadWrite.All.
      { resourceAppId: '996def3d-b36c-4153-8607-a6fd3c01b89f', resourceAccess: [{ id: 'a42b0b75-311e-488d-b67e-8fe84f924341', type: 'Role' }] },
    ]);
  });
});
