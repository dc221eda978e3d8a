# The School Data Sync setup from CSV files in the Azure data lake, and a
# first run. `make demo` applies it against the local fake Graph, prints the
# outputs and destroys it. The provider block is empty: tenant, client id,
# secret and endpoints come from ARM_* and INDUSTRYDATA_* environment
# variables, as they would in a CI pipeline.
terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

provider "industrydata" {}

# The role groups (staff, students) that user matching settings refer to,
# looked up by id: a role group the tenant lacks fails the plan, naming it.
data "industrydata_role_groups" "all" {}

locals {
  role_group = { for g in data.industrydata_role_groups.all.role_groups : g.id => g.id }
}

# Staff and students are matched to Microsoft Entra users by username.
resource "industrydata_source_system" "csv" {
  display_name = "Contoso CSV export"

  user_matching_settings = [
    {
      source_identifier = "username"
      match_target      = "userPrincipalName"
      priority_order    = 0
      role_group_id     = local.role_group["staff"]
    },
    {
      source_identifier = "username"
      match_target      = "userPrincipalName"
      priority_order    = 1
      role_group_id     = local.role_group["students"]
    },
  ]
}

resource "industrydata_year" "current" {
  display_name = "2025-2026"
  year         = "2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
}

# Files in the SDS v2.1 CSV format, uploaded to the data lake container
# that Graph hands out for this connector.
resource "industrydata_azure_data_lake_connector" "csv" {
  display_name     = "Contoso CSV files"
  source_system_id = industrydata_source_system.csv.id
  file_format      = "schoolDataSyncV2Rev1"
}

resource "industrydata_inbound_file_flow" "rostering" {
  display_name         = "Contoso CSV rostering 2025-2026"
  data_connector_id    = industrydata_azure_data_lake_connector.csv.id
  year_id              = industrydata_year.current.id
  effective_date_time  = "2025-08-01T00:00:00Z"
  expiration_date_time = "2026-07-31T23:59:59Z"
}

# Starts a run once the flow exists and waits until it has ended.
resource "industrydata_run" "first_sync" {
  display_name        = "First sync of the CSV files"
  wait_for_completion = true
  depends_on          = [industrydata_inbound_file_flow.rostering]
}

output "setup" {
  description = "The ids Graph gave the setup."
  value = {
    source_system_id = industrydata_source_system.csv.id
    year_id          = industrydata_year.current.id
    connector_id     = industrydata_azure_data_lake_connector.csv.id
    flow_id          = industrydata_inbound_file_flow.rostering.id
    flow_readiness   = industrydata_inbound_file_flow.rostering.readiness_status
  }
}

output "first_sync" {
  description = "How the first run ended, and what it read."
  value = {
    id            = industrydata_run.first_sync.id
    status        = industrydata_run.first_sync.status
    started       = industrydata_run.first_sync.start_date_time
    ended         = industrydata_run.first_sync.end_date_time
    people        = industrydata_run.first_sync.statistics.inbound_totals.people
    organizations = industrydata_run.first_sync.statistics.inbound_totals.organizations
    groups        = industrydata_run.first_sync.statistics.inbound_totals.groups
    memberships   = industrydata_run.first_sync.statistics.inbound_totals.memberships
  }
}
