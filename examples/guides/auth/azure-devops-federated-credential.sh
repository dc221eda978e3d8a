# The issuer and subject identifier that the service connection's page shows
# (Project settings > Service connections > your connection).
issuer="<Issuer of the service connection>"
subject="<Subject identifier of the service connection>"
az ad app federated-credential create --id "$client_id" --parameters "{
  \"name\": \"azure-devops-sds-terraform\",
  \"issuer\": \"$issuer\",
  \"subject\": \"$subject\",
  \"audiences\": [\"api://AzureADTokenExchange\"]
}"

# The service connection's id, for ARM_OIDC_AZURE_SERVICE_CONNECTION_ID
# (needs the azure-devops extension: az extension add --name azure-devops).
az devops service-endpoint list --organization https://dev.azure.com/my-org --project sds \
  --query "[?name=='sds-terraform'].id" -o tsv
