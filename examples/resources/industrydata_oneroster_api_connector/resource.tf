# The student information system whose OneRoster API School Data Sync reads.
resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
}

variable "oneroster_client_secret" {
  type      = string
  sensitive = true
}

# A OneRoster 1.2 API signed in to with OAuth 2.0 client credentials.
resource "industrydata_oneroster_api_connector" "sis" {
  display_name            = "Contoso SIS API"
  source_system_id        = industrydata_source_system.sis.id
  base_url                = "https://sis.contoso.com/ims/oneroster/rostering/v1p2"
  api_version             = "1.2"
  is_demographics_enabled = false
  is_flags_enabled        = false
  is_contacts_enabled     = true

  oauth2 {
    client_id     = "school-data-sync"
    client_secret = var.oneroster_client_secret
    token_url     = "https://sis.contoso.com/oauth/token"
  }
}
