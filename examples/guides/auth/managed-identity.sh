# The service principal of the managed identity: a user-assigned identity...
principal_id=$(az identity show --resource-group sds --name sds-terraform --query principalId -o tsv)
# ...or the system-assigned identity of a VM:
# principal_id=$(az vm identity assign --resource-group sds --name build-agent --query systemAssignedIdentity -o tsv)

# Managed identities get Graph application permissions as app role
# assignments (there is no portal page and no separate consent step). This
# needs Privileged Role Administrator or Global Administrator.
graph=00000003-0000-0000-c000-000000000000 # Microsoft Graph
graph_sp=$(az ad sp show --id "$graph" --query id -o tsv)
for permission in IndustryData-Run.Read.All IndustryData-Run.Start IndustryData.ReadBasic.All \
  IndustryData-SourceSystem.ReadWrite.All IndustryData-TimePeriod.ReadWrite.All IndustryData-DataConnector.ReadWrite.All IndustryData-InboundFlow.ReadWrite.All IndustryData-OutboundFlow.ReadWrite.All IndustryData-ReferenceDefinition.ReadWrite.All; do
  role=$(az ad sp show --id "$graph" --query "appRoles[?value=='$permission'].id" -o tsv)
  az rest --method POST \
    --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
    --body "{\"principalId\": \"$principal_id\", \"resourceId\": \"$graph_sp\", \"appRoleId\": \"$role\"}"
done
