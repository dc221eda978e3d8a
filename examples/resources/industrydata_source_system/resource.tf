# The student information system School Data Sync reads from, and how its
# users are matched to Microsoft Entra users: staff by username, students by
# e-mail address.
resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
  vendor       = "Contoso"

  user_matching_settings = [
    {
      source_identifier = "username"
      match_target      = "userPrincipalName"
      priority_order    = 0
      role_group_id     = "staff"
    },
    {
      source_identifier = "email"
      match_target      = "mail"
      priority_order    = 1
      role_group_id     = "students"
    },
  ]
}
