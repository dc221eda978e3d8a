# A complete School Data Sync setup: a source system, a school year, a
# OneRoster API connector, an inbound flow, a grade level the SIS adds,
# outbound provisioning for two schools, and a first run that waits for
# completion. Terraform creates them in that order (each refers to the one
# before by id or depends_on) and destroys them in the reverse order.
terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

# Tenant, client id and credential come from the ARM_* environment variables
# (see the authentication guides), so nothing secret is in this file.
provider "industrydata" {}

variable "oneroster_client_secret" {
  description = "Client secret of the OAuth 2.0 client that School Data Sync signs in to the OneRoster API with."
  type        = string
  sensitive   = true
}

variable "student_password" {
  description = "First password of the student accounts School Data Sync creates."
  type        = string
  sensitive   = true
}

# The role groups (staff, students) that user matching settings refer to,
# looked up by id: a role group the tenant lacks fails the plan, naming it.
data "industrydata_role_groups" "all" {}

locals {
  role_group = { for g in data.industrydata_role_groups.all.role_groups : g.id => g.id }
}

# 1. Where the rostering data comes from, and how its people are matched to
#    Microsoft Entra users: staff by username, students by e-mail address.
resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
  vendor       = "Contoso"

  user_matching_settings = [
    {
      source_identifier = "username"
      match_target      = "userPrincipalName"
      priority_order    = 0
      role_group_id     = local.role_group["staff"]
    },
    {
      source_identifier = "email"
      match_target      = "mail"
      priority_order    = 1
      role_group_id     = local.role_group["students"]
    },
  ]
}

# 2. The school year the data belongs to. Its code is the year in which the
#    school year ends, as OneRoster's schoolYear.
resource "industrydata_year" "current" {
  display_name = "2025-2026"
  year         = "2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
}

# 3. The student information system's OneRoster 1.2 API, signed in to with
#    OAuth 2.0 client credentials. validate = true runs Graph's validation
#    after each change: the apply fails when Graph finds errors.
resource "industrydata_oneroster_api_connector" "sis" {
  display_name            = "Contoso SIS OneRoster API"
  source_system_id        = industrydata_source_system.sis.id
  base_url                = "https://sis.contoso.com/ims/oneroster/rostering/v1p2"
  api_version             = "1.2"
  is_demographics_enabled = false
  is_flags_enabled        = false
  is_contacts_enabled     = false
  validate                = true

  oauth2 {
    client_id     = "school-data-sync"
    client_secret = var.oneroster_client_secret
    token_url     = "https://sis.contoso.com/oauth/token"
  }
}

# 4. The inbound flow: brings what the API serves in as rostering data for
#    the year, from the first day of the year until its last.
resource "industrydata_inbound_api_flow" "rostering" {
  display_name         = "Contoso SIS rostering 2025-2026"
  data_connector_id    = industrydata_oneroster_api_connector.sis.id
  year_id              = industrydata_year.current.id
  effective_date_time  = "2025-08-01T00:00:00Z"
  expiration_date_time = "2026-07-31T23:59:59Z"
}

# 5. A grade level the SIS uses that School Data Sync does not have built
#    in, so that its students keep their grade. Its id is
#    "RefGradeLevel-PostGraduate"; destroy only disables it (Graph cannot
#    delete reference definitions).
resource "industrydata_reference_definition" "post_graduate" {
  reference_type = "RefGradeLevel"
  code           = "PostGraduate"
  display_name   = "Post graduate"
  sort_index     = 20
}

# 6. Outbound provisioning: what School Data Sync creates in Microsoft Entra
#    and Teams from the inbound data, for two schools: accounts for unmatched
#    people (licensed per role group; students get a first password), a class
#    group and team per class, security groups per role group, and an
#    administrative unit per school. Each flow is its own object in Graph:
#    changing one sends one PATCH of that flow only.
resource "industrydata_outbound_provisioning_flow_set" "schools" {
  display_name = "Contoso high schools"
  filter = {
    org_external_ids = ["hs-north", "hs-south"] # leave out filter for every school
  }

  user_flow = {
    create_unmatched_users = true
    creation_configurations = [
      {
        role_group_id = local.role_group["staff"]
        license_skus  = ["94763226-9b3c-4e75-a931-5c89701abe66"]
      },
      {
        role_group_id    = local.role_group["students"]
        license_skus     = ["314c4481-f395-4525-be8b-2ec4bb1e9d91"]
        default_password = var.student_password
      },
    ]
    management_options = {
      additional_attributes = ["userGradeLevel"]
      student_age_group     = "minor"
    }
  }

  class_group_flow = {
    additional_attributes   = ["courseTitle", "courseCode"]
    create_team             = true
    owner_enrollment_roles  = ["teacher"]
    member_enrollment_roles = ["student"]
  }

  security_group_flow = {
    create_based_on_role_group = true
  }

  administrative_unit_flow = {
    create_based_on_org = true
  }

  # Provisioning acts on what the inbound flow brings in: create it after
  # the flow, destroy it before.
  depends_on = [industrydata_inbound_api_flow.rostering]
}

# 7. A first run, started once the flows exist, and waited for until it has
#    ended. Each creation starts a run (at most five per 12 hours); destroy
#    only forgets it, since Graph cannot delete runs.
resource "industrydata_run" "first_sync" {
  display_name        = "First sync of the 2025-2026 setup"
  wait_for_completion = true

  timeouts = {
    create = "2h"
  }

  # A run syncs every flow and uses the reference definitions; Graph
  # documents no link from a run to them, so the order is stated here.
  depends_on = [
    industrydata_inbound_api_flow.rostering,
    industrydata_reference_definition.post_graduate,
    industrydata_outbound_provisioning_flow_set.schools,
  ]
}

output "flow" {
  description = "The inbound flow and whether School Data Sync found it ready."
  value = {
    id               = industrydata_inbound_api_flow.rostering.id
    readiness_status = industrydata_inbound_api_flow.rostering.readiness_status
  }
}

output "provisioning" {
  description = "Whether School Data Sync found each outbound flow ready."
  value = {
    users                = industrydata_outbound_provisioning_flow_set.schools.user_flow.readiness_status
    class_groups         = industrydata_outbound_provisioning_flow_set.schools.class_group_flow.readiness_status
    security_groups      = industrydata_outbound_provisioning_flow_set.schools.security_group_flow.readiness_status
    administrative_units = industrydata_outbound_provisioning_flow_set.schools.administrative_unit_flow.readiness_status
  }
}

output "first_sync" {
  description = "How the first run ended, and what it read."
  value = {
    id            = industrydata_run.first_sync.id
    status        = industrydata_run.first_sync.status
    started       = industrydata_run.first_sync.start_date_time
    ended         = industrydata_run.first_sync.end_date_time
    errors        = industrydata_run.first_sync.statistics.inbound_totals.errors
    warnings      = industrydata_run.first_sync.statistics.inbound_totals.warnings
    people        = industrydata_run.first_sync.statistics.inbound_totals.people
    organizations = industrydata_run.first_sync.statistics.inbound_totals.organizations
    groups        = industrydata_run.first_sync.statistics.inbound_totals.groups
    memberships   = industrydata_run.first_sync.statistics.inbound_totals.memberships
  }
}
