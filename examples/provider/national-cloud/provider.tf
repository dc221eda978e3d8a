# A national cloud: Graph and the identity platform hosts follow from
# `environment` (public, usgovernment, usgovernmentl5 or china; the azuread
# provider's global, usgovernmentl4 and dod are accepted too).
provider "industrydata" {
  environment = "usgovernment"
  use_cli     = true
}
