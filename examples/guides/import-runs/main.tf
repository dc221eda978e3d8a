# Runs that another tool managed until now, by a name of your choice.
locals {
  runs = {
    spring_term = "7c3e0f52-1a4b-4b8e-9f0d-2f6a8d5e4c31"
    summer_term = "0b9d7e21-5c3a-4f6e-8d2b-9a1c4e7f3b58"
  }
}

# One import block for all of them.
import {
  for_each = local.runs
  to       = industrydata_run.managed[each.key]
  id       = each.value
}

resource "industrydata_run" "managed" {
  for_each = local.runs
  run_id   = each.value

  # Keep what the other tool set, so that the import plans no change; edit
  # it afterwards like any other attribute. Leave status unset: the resource
  # then follows the run as it ends.
  # display_name = "..."
}
