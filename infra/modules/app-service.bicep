// Linux App Service running the Node.js server: bot endpoint, tab, API.

@description('Client id of the tab\'s Entra app registration (the audience of tab tokens).')
param tabSsoClientId string

@description('Tenant whose users sign in to the tab.')
param tabSsoTenantId string

@description('The id Teams knows the app by, for the bot\'s links into the tab (empty: none).')
param teamsAppId string

@description('Azure region.')
param location string

@description('Prefix of the resource names.')
param baseName string

@description('Web app name; also the host name <name>.azurewebsites.net.')
param webAppName string

@description('App Service plan SKU.')
param sku string

@description('Number of instances.')
param instanceCount int

@description('Resource id of the bot\'s user-assigned managed identity.')
param botIdentityId string

@description('Client id of that identity: the bot\'s MicrosoftAppId.')
param botAppId string

@description('Entra tenant of that identity.')
param botTenantId string

@description('Table service endpoint of the storage account.')
param tablesEndpoint string

@description('Prefix of the table names.')
param tablesPrefix string

@description('Key vault holding the secret named pseudonym-secret.')
param keyVaultName string

@description('App log level.')
param logLevel string

@description('Application Insights connection string (not a secret: it only allows sending telemetry).')
param appInsightsConnectionString string

@description('Log Analytics workspace that receives the console and HTTP logs.')
param logAnalyticsWorkspaceId string

// Every key here is one server/config.ts reads; manifest/bicep-app-settings.test.ts checks that
// production starts with exactly these.
var configSettings = {
  NODE_ENV: 'production'
  HOST: '0.0.0.0'
  PORT: '8080'
  LOG_LEVEL: logLevel
  TABLES_ENDPOINT: tablesEndpoint
  TABLES_PREFIX: tablesPrefix
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: botTenantId
  TAB_SSO_CLIENT_ID: tabSsoClientId
  TAB_SSO_TENANT_ID: tabSsoTenantId
  TEAMS_APP_ID: teamsAppId
  // Teams' per-tenant limit for an app; all instances share it through the store.
  DELIVERY_RATE_PER_SECOND: '50'
  // Yearly training hours per digital facilitator (the programme's target).
  TRAINING_TARGET_HOURS: '40'
  // Resolved by App Service with the system-assigned identity before the process starts.
  PSEUDONYM_SECRET: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=pseudonym-secret)'
  // The app's own OpenTelemetry (server/telemetry.ts), which removes ids before anything is sent.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
}

// Read by App Service, not by the app.
var platformSettings = {
  // No codeless agent: it would trace the app a second time, URLs and ids included.
  ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled'
  // The deployed zip is the artifact of `npm run build` with its runtime dependencies installed:
  // nothing is built or installed on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    // System-assigned: Table access through DefaultAzureCredential with no client id to
    // configure. User-assigned: the bot's identity (MicrosoftAppType UserAssignedMSI).
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${botIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The artifact's own `npm start` (build.mjs), without npm between App Service and the app:
      // SIGTERM reaches the server, which finishes its requests before stopping.
      appCommandLine: 'node --max-old-space-size=768 --optimize-for-size server/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(union(configSettings, platformSettings)): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

output webAppId string = site.id
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
