# The account signed in to the Azure CLI (`az login`), for a person working
# at their own machine. With no authentication method configured at all the
# provider does this by itself (use_cli = false turns that off); writing it
# makes the choice explicit. tenant_id is optional; set it to pick one tenant
# of several the account can reach.
provider "industrydata" {
  use_cli   = true
  tenant_id = "00000000-0000-0000-0000-000000000000"
}
