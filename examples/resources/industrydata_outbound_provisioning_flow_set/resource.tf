variable "staff_password" {
  type      = string
  sensitive = true
}

# Provisions two schools into Microsoft 365: users (staff created with a
# license and an initial password), class groups with a team each, and
# security groups per role group. Each flow is one object in Graph under
# the set: changing one sends one request for it only.
resource "industrydata_outbound_provisioning_flow_set" "schools" {
  display_name = "Contoso high schools"
  filter = {
    org_external_ids = ["hs-north", "hs-south"]
  }

  user_flow = {
    create_unmatched_users = true
    creation_configurations = [{
      role_group_id    = "staff" # or "students" (data source industrydata_role_groups)
      license_skus     = ["94763226-9b3c-4e75-a931-5c89701abe66"]
      default_password = var.staff_password
    }]
    management_options = {
      additional_attributes = ["userGradeLevel"]
      student_age_group     = "minor"
    }
  }

  class_group_flow = {
    additional_attributes   = ["courseTitle", "courseCode"]
    create_team             = true
    owner_enrollment_roles  = ["teacher", "paraProfessional"]
    member_enrollment_roles = ["student"]
  }

  security_group_flow = {
    create_based_on_role_group = true
  }

  # Change a value to reset every flow once: School Data Sync reprovisions
  # everything as on a first run and clears the flows' errors.
  reset_triggers = {
    term = "2025-fall"
  }
}
