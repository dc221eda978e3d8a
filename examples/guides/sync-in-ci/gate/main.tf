terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

# Settings come from the environment of the CI job: ARM_TENANT_ID,
# ARM_CLIENT_ID and ARM_USE_OIDC=true (see the workflow).
provider "industrydata" {}

variable "oneroster_client_secret" {
  type      = string
  sensitive = true
}

# The setup: what School Data Sync reads, and from where.
locals {
  oneroster = {
    base_url    = "https://sis.contoso.example/ims/oneroster/v1p1"
    api_version = "1.1"
    effective   = "2025-08-01T00:00:00Z"
  }
}

resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
}

resource "industrydata_year" "current" {
  display_name = "2025-2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
  year         = "2025"
}

resource "industrydata_oneroster_api_connector" "sis" {
  display_name            = "Contoso OneRoster API"
  source_system_id        = industrydata_source_system.sis.id
  base_url                = local.oneroster.base_url
  api_version             = local.oneroster.api_version
  is_demographics_enabled = false
  is_flags_enabled        = false
  is_contacts_enabled     = false
  validate                = true

  oauth1 {
    client_id     = "contoso-sds"
    client_secret = var.oneroster_client_secret
  }
}

resource "industrydata_inbound_api_flow" "rostering" {
  display_name        = "Contoso OneRoster rostering"
  data_connector_id   = industrydata_oneroster_api_connector.sis.id
  year_id             = industrydata_year.current.id
  effective_date_time = local.oneroster.effective
}

# The gate: a new run whenever the connector or the flow is replaced, or the
# setup in local.oneroster changes (an in-place update keeps the ids, so the
# hash covers it). The apply waits for the run and fails when it failed, or
# reported any error or more than 25 warnings.
resource "industrydata_run" "sync" {
  display_name        = "Sync after a setup change"
  wait_for_completion = true
  fail_on_statuses    = ["failed"]
  max_errors          = 0
  max_warnings        = 25

  triggers = {
    connector = industrydata_oneroster_api_connector.sis.id
    flow      = industrydata_inbound_api_flow.rostering.id
    setup     = sha256(jsonencode(local.oneroster))
  }

  timeouts = {
    create = "2h"
  }
}

output "sync" {
  description = "The run this apply judged, with its totals."
  value = {
    id       = industrydata_run.sync.id
    status   = industrydata_run.sync.status
    errors   = industrydata_run.sync.statistics.inbound_totals.errors
    warnings = industrydata_run.sync.statistics.inbound_totals.warnings
    people   = industrydata_run.sync.statistics.inbound_totals.people
  }
}

# Per-activity statistics, read after the run (one getStatistics call).
data "industrydata_run" "sync" {
  id = industrydata_run.sync.id
}

output "sync_activities" {
  description = "Errors and warnings per activity of the run."
  value = {
    for a in data.industrydata_run.sync.statistics.activity_statistics :
    a.display_name => { status = a.status, errors = a.errors, warnings = a.warnings }
  }
}
