# The role groups user matching settings refer to, with their role codes.
data "industrydata_role_groups" "all" {}

output "roles_by_group" {
  value = { for g in data.industrydata_role_groups.all.role_groups : g.id => g.roles }
}
