# Terraform 1.5+ and OpenTofu 1.6+: import during `plan`/`apply`.
import {
  to = industrydata_outbound_provisioning_flow_set.imported
  id = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"
}

resource "industrydata_outbound_provisioning_flow_set" "imported" {
  display_name = "Contoso high schools"

  security_group_flow = {
    create_based_on_role_group = true
  }
}
