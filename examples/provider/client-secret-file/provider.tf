# The client id and secret read from files, e.g. secrets mounted by a CI
# system or a container orchestrator. Surrounding whitespace is ignored.
provider "industrydata" {
  tenant_id               = "00000000-0000-0000-0000-000000000000"
  client_id_file_path     = "/run/secrets/industrydata-client-id"
  client_secret_file_path = "/run/secrets/industrydata-client-secret"
}
