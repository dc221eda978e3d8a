variable "run_id" {
  description = "The id of a School Data Sync run, e.g. from the industrydata_runs data source."
  type        = string
}

data "industrydata_run" "example" {
  id = var.run_id
}

output "run_status" {
  value = data.industrydata_run.example.status
}

# Statistics per role read better as maps: { student = 12, teacher = 5 }.
output "unmatched_people_by_role" {
  value = data.industrydata_run.example.statistics.inbound_totals.unmatched_people_by_role
}
