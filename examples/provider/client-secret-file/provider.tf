# The client secret read from a file, e.g. a secret mounted by a CI system or
# a container orchestrator. Surrounding whitespace is ignored.
provider "industrydata" {
  tenant_id               = "00000000-0000-0000-0000-000000000000"
  client_id               = "11111111-1111-1111-1111-111111111111"
  client_secret_file_path = "/run/secrets/industrydata-client-secret"
}
