# Import during `plan`/`apply`. The configuration names the run in run_id, as
# adopting it would; the plan after the import shows no change when the other
# attributes match the run. status is left unset: the resource follows the run.
import {
  to = industrydata_run.example
  id = "7c3e0f52-1a4b-4b8e-9f0d-2f6a8d5e4c31"
}

resource "industrydata_run" "example" {
  run_id = "7c3e0f52-1a4b-4b8e-9f0d-2f6a8d5e4c31"
}
