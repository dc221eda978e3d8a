# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`. The plan
# also updates the client secret, which Graph never returns.
import {
  to = industrydata_oneroster_api_connector.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_oneroster_api_connector" "imported" {
  display_name            = "Contoso SIS API"
  source_system_id        = "0b6f2c1e-8d4a-4f3b-9e2d-7a1c5b3e9f40"
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
