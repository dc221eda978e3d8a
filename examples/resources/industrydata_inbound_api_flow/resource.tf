variable "oneroster_client_secret" {
  type      = string
  sensitive = true
}

resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
}

resource "industrydata_year" "current" {
  display_name = "2025-2026"
  start_date   = "2025-08-01"
  end_date     = "2026-07-31"
  year         = "2025"
}

resource "industrydata_oneroster_api_connector" "sis" {
  display_name            = "Contoso OneRoster API"
  source_system_id        = industrydata_source_system.sis.id
  base_url                = "https://sis.contoso.example/ims/oneroster/v1p1"
  api_version             = "1.1"
  is_demographics_enabled = false
  is_flags_enabled        = false
  is_contacts_enabled     = false
  oauth1 {
    client_id     = "contoso-sds"
    client_secret = var.oneroster_client_secret
  }
}

# Brings what the OneRoster API serves in as rostering data for the
# 2025-2026 year; without expiration_date_time the flow does not expire.
resource "industrydata_inbound_api_flow" "rostering" {
  display_name        = "Contoso OneRoster rostering"
  data_connector_id   = industrydata_oneroster_api_connector.sis.id
  year_id             = industrydata_year.current.id
  effective_date_time = "2025-08-01T00:00:00Z"
}
