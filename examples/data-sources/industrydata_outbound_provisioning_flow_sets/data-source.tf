data "industrydata_outbound_provisioning_flow_sets" "all" {}

# Flow set ids by name, e.g. to import one.
output "flow_set_ids" {
  value = { for s in data.industrydata_outbound_provisioning_flow_sets.all.flow_sets : s.display_name => s.id }
}
