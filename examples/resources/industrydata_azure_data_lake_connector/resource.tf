# The source system whose CSV files School Data Sync reads from the data lake.
resource "industrydata_source_system" "csv" {
  display_name = "Contoso CSV export"
}

# A connector for files in the School Data Sync v2.1 CSV format, validated
# by Graph after each change (the apply fails when the files have errors).
resource "industrydata_azure_data_lake_connector" "csv" {
  display_name     = "Contoso CSV files"
  source_system_id = industrydata_source_system.csv.id
  file_format      = "schoolDataSyncV2Rev1"
  validate         = true
}
