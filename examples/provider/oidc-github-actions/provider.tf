# Workload identity federation from GitHub Actions: no secret is stored.
# The job needs `permissions: id-token: write`; GitHub then sets
# ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the
# provider reads by itself. Tenant and client id usually come from ARM_TENANT_ID
# and ARM_CLIENT_ID, and use_oidc from ARM_USE_OIDC=true (see the workflow).
provider "industrydata" {
  use_oidc = true
}
