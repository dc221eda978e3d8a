# A bearer token for Microsoft Graph obtained elsewhere, e.g. with
#   az account get-access-token --resource-type ms-graph --query accessToken -o tsv
# It is used as is and never refreshed: runs that last longer than the
# token's lifetime (about an hour) fail with 401. Prefer it for short,
# interactive runs; INDUSTRYDATA_ACCESS_TOKEN sets it from the environment.
variable "graph_access_token" {
  type      = string
  sensitive = true
}

provider "industrydata" {
  access_token = var.graph_access_token
}
