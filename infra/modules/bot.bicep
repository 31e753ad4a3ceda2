// Azure Bot registration for the app's managed identity, with the Microsoft Teams channel.

@description('Bot resource name (globally unique handle).')
param name string

@description('Display name.')
param displayName string

@description('Bot SKU.')
param sku string

@description('Resource id of the user-assigned identity the bot authenticates as.')
param identityId string

@description('Client id of that identity (msaAppId, the app\'s MicrosoftAppId).')
param appId string

@description('Entra tenant of that identity.')
param tenantId string

@description('HTTPS URL of the bot\'s /api/messages endpoint.')
param messagingEndpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global; the conversation data stays in Teams and in our storage.
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    // Teams needs no Direct Line or Web Chat secrets.
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
