# Workload identity federation from Azure Pipelines: no secret is stored.
# The provider asks Azure DevOps for an ID token for the service connection
# (SYSTEM_OIDCREQUESTURI, with SYSTEM_ACCESSTOKEN, which the step must map
# into its environment) and exchanges it for a Graph token. Tenant and client
# id usually come from ARM_TENANT_ID and ARM_CLIENT_ID, the rest from
# ARM_USE_OIDC and ARM_OIDC_AZURE_SERVICE_CONNECTION_ID (see the pipeline).
provider "industrydata" {
  use_oidc                         = true
  oidc_azure_service_connection_id = "33333333-3333-3333-3333-333333333333"
}
