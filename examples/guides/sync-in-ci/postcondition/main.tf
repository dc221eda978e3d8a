terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

provider "industrydata" {}

variable "setup_version" {
  description = "Anything that changes when the School Data Sync setup changes, e.g. a commit hash."
  type        = string
}

# The team's own rule instead of the provider's: fail_on_statuses = [] turns
# the provider's status rule off, and the postcondition decides.
resource "industrydata_run" "sync" {
  wait_for_completion = true
  fail_on_statuses    = []

  triggers = {
    setup = var.setup_version
  }

  timeouts = {
    create = "2h"
  }

  lifecycle {
    postcondition {
      condition = (
        self.status != "failed" &&
        self.statistics.inbound_totals.errors <= 5 &&
        lookup(self.statistics.inbound_totals.unmatched_people_by_role, "student", 0) == 0
      )
      error_message = "Run ${self.id} ended ${self.status} with ${self.statistics.inbound_totals.errors} errors and ${self.statistics.inbound_totals.warnings} warnings."
    }
  }
}
