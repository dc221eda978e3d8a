# Sign in as yourself. School tenants often have no Azure subscription.
az login --tenant "<tenant-id>" --allow-no-subscriptions
az account show --query user.name -o tsv # who Graph will see

# Once per tenant, an administrator (Privileged Role Administrator or Global
# Administrator) consents to the Azure CLI's app using the industry data
# permissions on behalf of its users. If the tenant already has such a grant
# for the Azure CLI, add the scopes to it (PATCH) instead.
cli_sp=$(az ad sp show --id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 --query id -o tsv) # Azure CLI
graph_sp=$(az ad sp show --id 00000003-0000-0000-c000-000000000000 --query id -o tsv)
az rest --method POST --uri https://graph.microsoft.com/v1.0/oauth2PermissionGrants --body "{
  \"clientId\": \"$cli_sp\", \"consentType\": \"AllPrincipals\", \"resourceId\": \"$graph_sp\",
  \"scope\": \"IndustryData-Run.Read.All IndustryData-Run.Start IndustryData.ReadBasic.All IndustryData-SourceSystem.ReadWrite.All IndustryData-TimePeriod.ReadWrite.All IndustryData-DataConnector.ReadWrite.All IndustryData-InboundFlow.ReadWrite.All IndustryData-OutboundFlow.ReadWrite.All IndustryData-ReferenceDefinition.ReadWrite.All\"
}"

# The provider asks the Azure CLI for a token as Terraform runs; this shows it works:
az account get-access-token --resource-type ms-graph --query expiresOn -o tsv
