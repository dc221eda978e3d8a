# Adopts a run that already exists (e.g. one the service started on its
# 12-hour schedule) instead of starting one, and renames it. Creating this
# resource sends no start request, only a PATCH when a configured attribute
# differs from the run.
variable "scheduled_run_id" {
  description = "The id of an existing run."
  type        = string
}

resource "industrydata_run" "scheduled" {
  run_id       = var.scheduled_run_id
  display_name = "Nightly sync, reviewed"
}
