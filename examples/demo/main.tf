# The demo that `make demo` applies against the local fake Graph. The provider
# block is empty: tenant, client id, secret and endpoints come from ARM_* and
# INDUSTRYDATA_* environment variables, as they would in a CI pipeline.
terraform {
  required_providers {
    industrydata = {
      source = "industrydata/industrydata"
    }
  }
}

provider "industrydata" {}

variable "run_id" {
  description = "A run to read; the default is one of the fake Graph's sample runs."
  type        = string
  default     = "a1d5c3e0-7b2f-4e6a-9c81-000000000002"
}

data "industrydata_run" "sample" {
  id = var.run_id
}

output "run" {
  description = "The run as the provider read it."
  value = {
    name                     = data.industrydata_run.sample.display_name
    status                   = data.industrydata_run.sample.status
    started                  = data.industrydata_run.sample.start_date_time
    ended                    = data.industrydata_run.sample.end_date_time
    warnings                 = data.industrydata_run.sample.statistics.inbound_totals.warnings
    people                   = data.industrydata_run.sample.statistics.inbound_totals.people
    unmatched_people_by_role = data.industrydata_run.sample.statistics.inbound_totals.unmatched_people_by_role
  }
}
