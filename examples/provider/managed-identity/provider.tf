# The managed identity of the Azure VM, container or build agent that runs
# Terraform. Leave client_id out for the system-assigned identity; set it to
# the client id of a user-assigned identity to pick that one.
provider "industrydata" {
  use_msi   = true
  client_id = "22222222-2222-2222-2222-222222222222"
}
