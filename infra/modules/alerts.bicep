// Alerts on the app's own telemetry (server/telemetry-campaigns.ts): a campaign that is sending
// but whose progress has not moved for 10 minutes (store unavailable, Bot Connector refusing,
// every instance down or stuck).

@description('Azure region.')
param location string

@description('Prefix of the resource names.')
param baseName string

@description('Resource id of the Application Insights component the app sends to.')
param appInsightsId string

@description('Action groups to notify (resource ids); without any the alert shows in the portal only.')
param actionGroupIds array = []

// Every instance reports the gauge once a minute while a campaign is sending (running, or
// preparing once due). A campaign seen for the whole window with no change is stalled.
var stalledCampaigns = '''
customMetrics
| where name == 'oibo.campaign.progress'
| extend campaignId = tostring(customDimensions['campaign.id'])
| summarize since = min(timestamp), low = min(value), high = max(value) by campaignId
| where since < ago(9m) and high == low and high < 1
'''

resource campaignStalled 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${baseName}-campaign-stalled'
  location: location
  properties: {
    displayName: 'óiBO: campaign without progress for 10 minutes'
    description: 'A campaign is sending but its progress (oibo.campaign.progress) has not changed for 10 minutes.'
    severity: 2
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT10M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: stalledCampaigns
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'campaignId'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actionGroupIds
    }
  }
}
