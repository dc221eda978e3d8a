# A national cloud: Graph and the identity platform hosts follow from
# `environment` (public, usgovernment, usgovernmentl5 or china).
provider "industrydata" {
  environment = "usgovernment"
  use_cli     = true
}
