# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_year.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_year" "imported" {
  display_name = "2025-2026"
  year         = "2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
}
