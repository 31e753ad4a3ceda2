// The account holding every Azure Table and blob (images) of the app. Access is by Entra ID only:
// shared keys are off, so there is no account key or connection string to leak, and the read
// links Teams gets for card images are user delegation SAS signed through the app's identity.

@description('Azure region.')
param location string

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
param name string

@description('Redundancy SKU.')
param sku string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: { name: sku }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
    // App Service reaches the account over its public endpoint; a private endpoint needs VNet
    // integration (Basic tier and above), a later hardening step.
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// Containers are created by the app at start-up, private (no anonymous access on the account).
// A deleted blob (an erased entry's image) is kept 7 days against mistakes, then gone.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

// Built from the name rather than primaryEndpoints.table, which ends in a slash.
output tableEndpoint string = 'https://${account.name}.table.${environment().suffixes.storage}'
