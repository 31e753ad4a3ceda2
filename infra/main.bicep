// óiBO on Azure: Table storage, App Service (Linux, Node 22 LTS), Azure Bot with the Teams
// channel, Key Vault for the pseudonym key, Application Insights. Resource-group scope; see
// docs/deploy.md.
targetScope = 'resourceGroup'

@description('Azure region for every regional resource. Italy North keeps the data of an Italian public body in Italy.')
param location string = 'italynorth'

@description('Short lowercase name (letters and digits) that prefixes every resource, e.g. "oibodev".')
@minLength(3)
@maxLength(12)
param resourceBaseName string

@description('Name of the bot shown in the Azure portal and the Bot Framework.')
@maxLength(42)
param botDisplayName string = 'óiBO'

@description('App Service plan SKU. P0v3 and above allow scale-out to several instances.')
param appServicePlanSku string = 'P0v3'

@description('Number of App Service instances; the app is stateless, so more instances share one storage account.')
@minValue(1)
param instanceCount int = 1

@description('Storage redundancy: ZRS survives the loss of one availability zone.')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param storageSku string = 'Standard_ZRS'

@description('Azure Bot SKU. Teams is a standard channel, free on F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('LOG_LEVEL of the app (pino).')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('TABLES_PREFIX of the app: lets several environments share one account (letters and digits, or empty).')
param tablesPrefix string = ''

@description('Object id of the person who creates the pseudonym secret once (az ad signed-in-user show --query id); empty to grant nobody.')
param secretsOfficerId string = ''

@description('Client id (GUID) of the Entra app registration the tab signs in to (SSO, access_as_user).')
param tabSsoClientId string

@description('TEAMS_APP_ID of the app: the id Teams knows the app by (the app package\'s manifest id, TEAMS_APP_ID of .env.<name>), for the bot\'s links into the tab; empty for none.')
param teamsAppId string = ''

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
param logRetentionDays int = 30

var suffix = take(uniqueString(resourceGroup().id), 6)
var baseName = toLower(resourceBaseName)
var storageAccountName = take('st${baseName}${uniqueString(resourceGroup().id)}', 24)
var webAppName = '${baseName}-${suffix}'
var keyVaultName = take('kv-${baseName}-${uniqueString(resourceGroup().id)}', 24)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: baseName
    retentionDays: logRetentionDays
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    baseName: baseName
    appInsightsId: monitoring.outputs.appInsightsId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    sku: storageSku
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    name: keyVaultName
    secretsOfficerId: secretsOfficerId
  }
}

// The bot's identity: Bot Framework tokens are issued to it without any secret.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-bot-id'
  location: location
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    location: location
    baseName: baseName
    webAppName: webAppName
    sku: appServicePlanSku
    instanceCount: instanceCount
    botIdentityId: botIdentity.id
    botAppId: botIdentity.properties.clientId
    botTenantId: botIdentity.properties.tenantId
    tablesEndpoint: storage.outputs.tableEndpoint
    tablesPrefix: tablesPrefix
    keyVaultName: keyVaultName
    tabSsoClientId: tabSsoClientId
    tabSsoTenantId: tenant().tenantId
    teamsAppId: teamsAppId
    logLevel: logLevel
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    principalId: app.outputs.principalId
  }
  dependsOn: [
    storage
    keyVault
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    displayName: botDisplayName
    sku: botSku
    identityId: botIdentity.id
    appId: botIdentity.properties.clientId
    tenantId: botIdentity.properties.tenantId
    messagingEndpoint: 'https://${app.outputs.defaultHostName}/api/messages'
  }
}

// Agents Toolkit writes these outputs (upper-cased) into .env.<environment>, where
// `npm run package` and the deploy stage read them.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.webAppId
output BOT_ID string = botIdentity.properties.clientId
output TAB_BASE_URL string = 'https://${app.outputs.defaultHostName}'
output TAB_DOMAIN string = app.outputs.defaultHostName
output KEY_VAULT_NAME string = keyVault.outputs.name
// Named as the app's config keys, for running admin tooling against this environment.
output TABLES_ENDPOINT string = storage.outputs.tableEndpoint
output MicrosoftAppId string = botIdentity.properties.clientId
output MicrosoftAppTenantId string = botIdentity.properties.tenantId
output MicrosoftAppType string = 'UserAssignedMSI'
