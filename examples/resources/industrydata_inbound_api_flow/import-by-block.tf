# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_inbound_api_flow.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_inbound_api_flow" "imported" {
  display_name        = "Contoso OneRoster rostering"
  data_connector_id   = "0b6f2c1e-8d4a-4f3b-9e2d-7a1c5b3e9f40"
  year_id             = "7d3e1f20-5a6b-4c8d-9e0f-1a2b3c4d5e6f"
  effective_date_time = "2025-08-01T00:00:00Z"
}
