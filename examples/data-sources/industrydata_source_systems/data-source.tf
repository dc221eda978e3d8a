# Every source system of the tenant, e.g. to find the id of one to import.
data "industrydata_source_systems" "all" {}

output "source_system_ids" {
  value = { for s in data.industrydata_source_systems.all.source_systems : s.display_name => s.id }
}
