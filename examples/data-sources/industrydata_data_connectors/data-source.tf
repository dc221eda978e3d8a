# Every data connector of the tenant, by name, with its type.
data "industrydata_data_connectors" "all" {}

output "data_connectors" {
  value = { for c in data.industrydata_data_connectors.all.data_connectors : c.display_name => { id = c.id, type = c.type } }
}
