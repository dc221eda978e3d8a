terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

# With an empty provider block every setting comes from the environment, for
# example ARM_TENANT_ID, ARM_CLIENT_ID and ARM_CLIENT_SECRET for an app
# registration with a client secret. Every authentication method can be
# configured in the block or in the environment.
provider "industrydata" {}

