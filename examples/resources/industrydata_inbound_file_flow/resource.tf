resource "industrydata_source_system" "csv" {
  display_name = "Contoso CSV export"
}

resource "industrydata_year" "current" {
  display_name = "2025-2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
  year         = "2025"
}

resource "industrydata_azure_data_lake_connector" "csv" {
  display_name     = "Contoso CSV files"
  source_system_id = industrydata_source_system.csv.id
  file_format      = "schoolDataSyncV2Rev1"
}

# Brings the CSV files in as rostering data for the 2025-2026 year, until
# the year ends. data_domain defaults to "educationRostering".
resource "industrydata_inbound_file_flow" "rostering" {
  display_name         = "Contoso CSV rostering"
  data_connector_id    = industrydata_azure_data_lake_connector.csv.id
  year_id              = industrydata_year.current.id
  effective_date_time  = "2025-08-01T00:00:00Z"
  expiration_date_time = "2026-07-31T23:59:59Z"
}
