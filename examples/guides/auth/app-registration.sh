# An app registration with its service principal, the Graph application
# permissions for industry data, and admin consent. Run it signed in to the
# Azure CLI as someone who may register apps and grant admin consent
# (Privileged Role Administrator or Global Administrator). School tenants
# often have no Azure subscription: hence --allow-no-subscriptions.
az login --allow-no-subscriptions
tenant_id=$(az account show --query tenantId -o tsv)
client_id=$(az ad app create --display-name sds-terraform --query appId -o tsv)
az ad sp create --id "$client_id"

graph=00000003-0000-0000-c000-000000000000 # Microsoft Graph
role() { az ad sp show --id "$graph" --query "appRoles[?value=='$1'].id" -o tsv; }
# Runs: Read.All alone is enough to read them; Start and ReadBasic.All to start
# and change them. The setup: source systems, years, data connectors, inbound
# flows and reference definitions (leave out what Terraform does not manage).
az ad app permission add --id "$client_id" --api "$graph" --api-permissions \
  "$(role IndustryData-Run.Read.All)=Role" \
  "$(role IndustryData-Run.Start)=Role" \
  "$(role IndustryData.ReadBasic.All)=Role" \
  "$(role IndustryData-SourceSystem.ReadWrite.All)=Role" \
  "$(role IndustryData-TimePeriod.ReadWrite.All)=Role" \
  "$(role IndustryData-DataConnector.ReadWrite.All)=Role" \
  "$(role IndustryData-InboundFlow.ReadWrite.All)=Role" \
  "$(role IndustryData-OutboundFlow.ReadWrite.All)=Role" \
  "$(role IndustryData-ReferenceDefinition.ReadWrite.All)=Role"
az ad app permission admin-consent --id "$client_id"
echo "ARM_TENANT_ID=$tenant_id ARM_CLIENT_ID=$client_id"
