# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_azure_data_lake_connector.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_azure_data_lake_connector" "imported" {
  display_name     = "Contoso CSV files"
  source_system_id = "0b6f2c1e-8d4a-4f3b-9e2d-7a1c5b3e9f40"
  file_format      = "schoolDataSyncV2Rev1"
}
