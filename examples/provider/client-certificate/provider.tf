# An app registration that authenticates with a certificate. The file holds
# the certificate and its private key, PEM or PKCS#12 (.pfx); the password is
# needed only for an encrypted PKCS#12 file.
variable "certificate_password" {
  type      = string
  sensitive = true
}

provider "industrydata" {
  tenant_id                   = "00000000-0000-0000-0000-000000000000"
  client_id                   = "11111111-1111-1111-1111-111111111111"
  client_certificate_path     = "${path.root}/sds-automation.pfx"
  client_certificate_password = var.certificate_password
}
