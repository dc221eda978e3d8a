# Workload identity federation with a token that another system writes to a
# file, e.g. a Kubernetes projected service account token (Azure workload
# identity sets AZURE_FEDERATED_TOKEN_FILE; pass its value here or as
# ARM_OIDC_TOKEN_FILE_PATH). The file is read again whenever a new access
# token is needed, so a rotated token is picked up.
provider "industrydata" {
  tenant_id            = "00000000-0000-0000-0000-000000000000"
  client_id            = "11111111-1111-1111-1111-111111111111"
  use_oidc             = true
  oidc_token_file_path = "/var/run/secrets/azure/tokens/azure-identity-token"
}
