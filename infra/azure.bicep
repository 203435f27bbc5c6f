// Azure resources of one environment, deployed by teamsapp.yml's arm/deploy (or `az deployment group create`):
// App Service on Linux running the app as one Node.js 22 LTS process (tab, API and bot), the Azure Bot
// (single-tenant) with its Teams channel, a Key Vault holding the secrets the app settings reference,
// and, when postgresEnabled, an Azure Database for PostgreSQL flexible server so that several instances
// can share one store. The app settings use the toolkit's names; service/config/toolkit-names.ts maps them.

@description('Appended to resource names; empty: derived from the resource group, stable across runs.')
param resourceSuffix string = ''
param location string = resourceGroup().location
@description('App Service plan: B1 is enough for one business; P0v3 for several instances.')
param webAppSku string = 'B1'

param teamsAppId string
@description('The id the org catalog gave the app once published (atk publish); empty: deep links use teamsAppId.')
param teamsAppPublishedAppId string = ''
param aadAppClientId string
@secure()
param aadAppClientSecret string
param aadAppTenantId string = tenant().tenantId
param botId string
@secure()
param botPassword string
@maxLength(42)
param botDisplayName string = 'Bookings Invoicing'

@description('https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>/api/v2.0')
param bcApiBaseUrl string
@description('The Bookings business id (its SMTP address).')
param bookingsBusinessId string
@description('The Business Central company id; empty: the only company.')
param bcCompanyId string = ''
@description('Further tenants (comma-separated GUIDs) whose users may sign in to the tab.')
param allowedTenantIds string = ''

@description('true: an Azure Database for PostgreSQL flexible server instead of SQLite on the App Service\'s disk.')
@allowed(['true', 'false'])
param postgresEnabled string = 'false'
param postgresAdminLogin string = 'bookingsadmin'
@secure()
param postgresAdminPassword string = ''

var usePostgres = postgresEnabled == 'true'
var suffix = empty(resourceSuffix) ? take(uniqueString(resourceGroup().id), 6) : resourceSuffix
var baseName = 'bookings-invoicing-${suffix}'
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-bi-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource aadSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-app-client-secret'
  properties: { value: aadAppClientSecret }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: { value: botPassword }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = if (usePostgres) {
  name: '${baseName}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: 'bookings'
}

// 0.0.0.0 to 0.0.0.0 admits Azure services (the App Service's outbound addresses), nothing else.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usePostgres) {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/bookings?sslmode=require'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: baseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // One process serves the tab, its API and the bot, started as `npm start` starts it (tsx runs the
      // TypeScript sources; server/start.sh sets glibc's malloc to give freed memory back).
      appCommandLine: 'sh server/start.sh'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/api/health'
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webApp.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var tabDomain = webApp.properties.defaultHostName
var tabEndpoint = 'https://${tabDomain}'

// Set after the role assignment, so the Key Vault references resolve at the first start.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [webAppReadsSecrets]
  properties: {
    APP_ENV: 'azure'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    LOG_LEVEL: 'info'
    DATABASE_URL: usePostgres ? '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})' : '/home/data/bookings.db'
    GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0'
    BC_API_BASE_URL: bcApiBaseUrl
    BC_COMPANY_ID: bcCompanyId
    BOOKINGS_BUSINESS_ID: bookingsBusinessId
    AUTH_MODE: 'msal'
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadSecret.properties.secretUri})'
    ALLOWED_TENANT_IDS: allowedTenantIds
    BOT_ID: botId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botSecret.properties.secretUri})'
    MicrosoftAppType: 'SingleTenant'
    TEAMS_APP_ID: teamsAppId
    TEAMS_APP_PUBLISHED_APP_ID: teamsAppPublishedAppId
    // App Service's front end: the client's address is the X-Forwarded-For entry it appends.
    TRUSTED_PROXY_HOPS: '1'
    TAB_ENDPOINT: tabEndpoint
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: '${tabEndpoint}/api/messages'
    msaAppId: botId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written to env/.env.<name> by arm/deploy: the manifest, aad.manifest.json and deploy read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = tabEndpoint
output BOT_DOMAIN string = tabDomain
output BOT_ENDPOINT string = tabEndpoint
