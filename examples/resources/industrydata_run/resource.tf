# Starts an on-demand School Data Sync run when created, and waits until the
# run has finished. Each creation starts a run, and the service starts at
# most five runs per 12 hours.
resource "industrydata_run" "on_demand" {
  display_name        = "On-demand sync after the roster import"
  wait_for_completion = true

  timeouts = {
    create = "2h"
  }
}

output "on_demand_run" {
  value = {
    id     = industrydata_run.on_demand.id
    status = industrydata_run.on_demand.status
    people = industrydata_run.on_demand.statistics.inbound_totals.people
  }
}
