# The demo that `make demo` applies against the local fake Graph. The provider
# block is empty: tenant, client id, secret and endpoints come from ARM_* and
# INDUSTRYDATA_* environment variables, as they would in a CI pipeline.
terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

provider "industrydata" {}

# The latest run that ended with warnings, across all pages: the data source
# sorts by start time, and most_recent keeps the newest.
data "industrydata_runs" "with_warnings" {
  status      = "completedWithWarnings"
  most_recent = 1
}

# A tenant may have none: then nothing is adopted.
locals {
  latest_id = one(data.industrydata_runs.with_warnings.runs[*].id)
}

# Adopt the latest of them and give it a name the team recognises: one GET,
# one PATCH carrying only displayName.
resource "industrydata_run" "reviewed" {
  count        = local.latest_id == null ? 0 : 1
  run_id       = local.latest_id
  display_name = "Reviewed: roster sync with warnings"
}

output "reviewed_run" {
  description = "The adopted run as the provider holds it, or null when no run ended with warnings."
  value = one([for r in industrydata_run.reviewed : {
    id                       = r.id
    name                     = r.display_name
    status                   = r.status
    started                  = r.start_date_time
    ended                    = r.end_date_time
    warnings                 = r.statistics.inbound_totals.warnings
    people                   = r.statistics.inbound_totals.people
    unmatched_people_by_role = r.statistics.inbound_totals.unmatched_people_by_role
  }])
}
