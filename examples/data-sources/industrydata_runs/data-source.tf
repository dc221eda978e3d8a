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

# The latest run, with its statistics per activity.
data "industrydata_runs" "latest" {
  most_recent        = 1
  include_statistics = true
}

output "latest_run_activities" {
  value = {
    for a in data.industrydata_runs.latest.runs[0].statistics.activity_statistics : a.display_name => a.status
  }
}
