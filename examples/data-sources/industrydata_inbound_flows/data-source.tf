# Every inbound flow of the tenant, by name, with its type and readiness.
data "industrydata_inbound_flows" "all" {}

output "inbound_flows" {
  value = { for f in data.industrydata_inbound_flows.all.inbound_flows : f.display_name => { id = f.id, type = f.type, readiness = f.readiness_status } }
}
