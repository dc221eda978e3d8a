# The certificate and its key inline, base64-encoded, e.g. from a secret
# store: base64 -w0 sds-automation.pfx. ARM_CLIENT_CERTIFICATE sets it from
# the environment, as for the azuread provider.
variable "client_certificate_base64" {
  type      = string
  sensitive = true
}

variable "certificate_password" {
  type      = string
  sensitive = true
}

provider "industrydata" {
  tenant_id                   = "00000000-0000-0000-0000-000000000000"
  client_id                   = "11111111-1111-1111-1111-111111111111"
  client_certificate          = var.client_certificate_base64
  client_certificate_password = var.certificate_password
}
