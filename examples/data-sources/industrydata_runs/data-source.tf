# Runs that failed since the start of the school year.
data "industrydata_runs" "failed" {
  status        = "failed"
  started_after = "2025-09-01T00:00:00Z"
}

output "failed_runs" {
  value = {
    for r in data.industrydata_runs.failed.runs : r.id => try(r.blocking_error.message, null)
  }
}
