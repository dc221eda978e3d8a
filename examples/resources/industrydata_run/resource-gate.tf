# A gate for CI: starts a run whenever the inbound flow it syncs is replaced or
# its settings change, waits for it, and fails the apply (and so the pipeline)
# when the run failed or ended with errors, or reported more than 25 warnings.
# The error names the run, its status, its totals and the activities that
# reported errors; the run then stays in state, tainted, and the next apply
# starts a new one unless it is untainted.
variable "rostering_flow_id" {
  description = "The inbound flow the run syncs."
  type        = string
}

variable "rostering_settings" {
  description = "The settings of that flow and its connector, as configured."
  type        = map(string)
  default     = {}
}

resource "industrydata_run" "gate" {
  display_name        = "Sync after a setup change"
  wait_for_completion = true
  fail_on_statuses    = ["failed", "completedWithErrors"]
  max_warnings        = 25

  # A new run when the flow or its settings change.
  triggers = {
    flow     = var.rostering_flow_id
    settings = sha256(jsonencode(var.rostering_settings))
  }

  timeouts = {
    create = "2h"
  }
}

output "gate_run" {
  value = {
    id       = industrydata_run.gate.id
    status   = industrydata_run.gate.status
    errors   = industrydata_run.gate.statistics.inbound_totals.errors
    warnings = industrydata_run.gate.statistics.inbound_totals.warnings
  }
}
