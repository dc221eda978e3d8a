# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_source_system.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_source_system" "imported" {
  display_name = "Contoso SIS"
  vendor       = "Contoso"
}
