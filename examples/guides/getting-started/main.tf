terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}

# Settings come from the environment: ARM_TENANT_ID, ARM_CLIENT_ID and
# ARM_CLIENT_SECRET (and, for the local fake, INDUSTRYDATA_GRAPH_ENDPOINT and
# INDUSTRYDATA_AUTHORITY_HOST).
provider "industrydata" {}

# Step 1 reads only: every run of the tenant.
data "industrydata_runs" "all" {}

output "runs" {
  description = "Every run of the tenant: id => name and status."
  value       = { for r in data.industrydata_runs.all.runs : r.id => "${r.display_name}: ${r.status}" }
}

# Step 2 starts an on-demand run: terraform apply -var start_run=true.
# Each start counts against the service's limit of five runs per 12 hours.
variable "start_run" {
  description = "Start an on-demand School Data Sync run."
  type        = bool
  default     = false
}

resource "industrydata_run" "first" {
  count        = var.start_run ? 1 : 0
  display_name = "First run started with Terraform"
}

output "started_run" {
  description = "The run that step 2 started."
  value       = var.start_run ? { id = industrydata_run.first[0].id, status = industrydata_run.first[0].status } : null
}
