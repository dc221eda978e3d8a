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

# Every run that has ended with warnings, across all pages.
data "industrydata_runs" "with_warnings" {
  status = "completedWithWarnings"
}

# Adopt the latest of them and give it a name the team recognises: one GET,
# one PATCH carrying only displayName.
resource "industrydata_run" "reviewed" {
  run_id       = data.industrydata_runs.with_warnings.runs[length(data.industrydata_runs.with_warnings.runs) - 1].id
  display_name = "Reviewed: roster sync with warnings"
}

output "reviewed_run" {
  description = "The adopted run as the provider holds it."
  value = {
    id                       = industrydata_run.reviewed.id
    name                     = industrydata_run.reviewed.display_name
    status                   = industrydata_run.reviewed.status
    started                  = industrydata_run.reviewed.start_date_time
    ended                    = industrydata_run.reviewed.end_date_time
    warnings                 = industrydata_run.reviewed.statistics.inbound_totals.warnings
    people                   = industrydata_run.reviewed.statistics.inbound_totals.people
    unmatched_people_by_role = industrydata_run.reviewed.statistics.inbound_totals.unmatched_people_by_role
  }
}
