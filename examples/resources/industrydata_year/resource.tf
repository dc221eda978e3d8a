# The school year inbound flows assign their data to.
resource "industrydata_year" "current" {
  display_name = "2025-2026"
  year         = "2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
}
