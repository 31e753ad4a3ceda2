// Holds PSEUDONYM_SECRET, the HMAC key of every pseudonym. Bicep cannot create a random value
// that survives redeployment, so the secret itself is set once by hand (docs/deploy.md) and the
// app receives it through a Key Vault reference: no secret in templates or deployment history.

@description('Azure region.')
param location string

@description('Key vault name: 3-24 letters, digits and hyphens, globally unique.')
param name string

@description('Object id of the person who sets the secret once (role "Key Vault Secrets Officer"); empty for none.')
param secretsOfficerId string

var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Losing the key orphans every stored answer from its person: no purge, ever.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerId)) {
  scope: vault
  name: guid(vault.id, secretsOfficerId, keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: secretsOfficerId
    principalType: 'User'
  }
}

output name string = vault.name
